/** The fields the tree needs; services add what the page shows. */
export type FlatComment = { id: string; parentId: string | null; status: string; createdAt: Date };
export type CommentNode<T extends FlatComment> = T & { depth: number; replies: CommentNode<T>[] };

const hiddenStatuses = new Set(["pending", "hidden", "spam", "removed", "deleted"]);

/**
 * buildCommentTree: nests a flat list (any order) into threads sorted oldest first.
 * Hidden comments (deleted, removed, spam, or pending the viewer may not see) stay as
 * placeholders while a visible reply hangs under them; a subtree with nothing visible is
 * pruned. A comment whose parent is missing becomes a root, so nothing is lost.
 */
export function buildCommentTree<T extends FlatComment>(
  comments: readonly T[],
  isVisible: (comment: T) => boolean = (c) => !hiddenStatuses.has(c.status),
): CommentNode<T>[] {
  const nodes = new Map<string, CommentNode<T>>();
  for (const comment of comments) nodes.set(comment.id, { ...comment, depth: 0, replies: [] });

  const roots: CommentNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.replies : roots).push(node);
  }

  const byDate = (a: CommentNode<T>, b: CommentNode<T>) => a.createdAt.getTime() - b.createdAt.getTime();
  const prune = (list: CommentNode<T>[], depth: number): CommentNode<T>[] =>
    list.sort(byDate).filter((node) => {
      node.depth = depth;
      node.replies = prune(node.replies, depth + 1);
      return isVisible(node) || node.replies.length > 0;
    });
  return prune(roots, 1);
}
