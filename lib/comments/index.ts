/** buildCommentTree: pure flat-list → tree (oldest first, hidden leaves pruned). */
export { type CommentNode } from "./tree";
/** Schemas shared by forms, the API and the services (body 1–5,000 characters, guest identity, sort). */
export {
  EditCommentSchema,
  ListCommentsQuerySchema,
  ThreadSortSchema,
  ThreadPageSchema,
  type ThreadSort,
} from "./schemas";
/** createComment: policy, parent, rate limit, mentions; comment + mentions + notices + follow in one transaction. */
export { createComment } from "./create-comment";
/** editComment: own comment only; revision kept, editedAt set, new mentions notified. */
export { editComment } from "./edit-comment";
/** moderatorEditComment: a moderator rewrites someone's comment with a visible note (revision kept, audit entry). */
export { moderatorEditComment, ModeratorEditSchema } from "./moderator-edit";
/** deleteComment: own comment becomes a placeholder (HTML blanked, source kept for moderators). */
export { deleteComment } from "./delete-comment";
/** approveComment / rejectComment: moderators' transitions, each with an audit entry. */
export { approveComment, rejectComment, decideComments, DECISIONS } from "./moderate-comment";
/** toggleLike: one like per person, not on one's own comment; followPost / unfollowPost. */
export { toggleLike, followPost, unfollowPost } from "./reactions";
/** listThread (one page of top-level threads) / locateComment (its page) / getComment / getCommentContext: constant query count. */
export {
  listThread,
  flattenThread,
  assertPublicThread,
  getComment,
  getCommentContext,
  type ThreadItem,
  type ThreadResult,
  type ThreadPage,
  type ThreadViewer,
} from "./thread";
/** getThreadShell: what an article's page needs around the shared thread (count, rights, the viewer's ids). */
export { getThreadShell } from "./thread-shell";
/** Actor: who acts (a signed-in person, or null). */
export type { Actor } from "./context";
/** locateComment / resolveCommentLink: the page of the discussion holding a comment, where its permalink leads. */
export { locateComment, resolveCommentLink } from "./locate";
/** commentPath: a comment's permalink, resolved by the server to the page holding it; THREAD_DEPTH: levels the article shows. */
export { commentPath, commentPathIn, THREAD_DEPTH } from "./permalink";
/** API shapes of the discussion endpoints and their converters (ISO dates). */
export { toApiComment, toApiTree, toApiViewer } from "./api-schemas";
/** previewComment: renders a draft comment exactly as it would appear (for the form's preview). */
export { previewComment } from "./preview";
/** linkImportedMentions: resolves the @mentions of imported comments (no notification). */
export { linkImportedMentions } from "./imported-mentions";
/** rerenderStaleComments: renders comments from an older pipeline again with their blog's settings and stored mentions, in bounded batches. */
export { rerenderStaleComments } from "./rerender";
/** listEditHistory: earlier texts of edited comments, for the blog's moderators. */
export { listEditHistory, type CommentEdit } from "./history";
