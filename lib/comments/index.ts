/** listPostThread: an article's discussion as a tree with placeholders for hidden parents. */
export { listPostThread, type ThreadComment } from "./service";
/** buildCommentTree: pure flat-list → tree (oldest first, hidden leaves pruned). */
export { buildCommentTree, countVisible, type CommentNode, type FlatComment } from "./tree";
