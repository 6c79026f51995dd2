import "server-only";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { Actor } from "./context";
import { commentAnchor, THREAD_DEPTH } from "./permalink";
import { loadThread, skeletonTree, type Skeleton } from "./thread";
import type { CommentNode } from "./tree";

/**
 * locateComment: where the viewer finds a comment in its article's discussion (oldest first,
 * the order permalinks use): its page and depth, or null when they cannot read it. A constant
 * number of queries; no comment text is read.
 */
export async function locateComment(
  commentId: string,
  viewer: Actor,
): Promise<{ postId: string; page: number; depth: number } | null> {
  const found = await db.comment.findUnique({ where: { id: commentId }, select: { postId: true } });
  if (!found) return null;
  const { skeleton, pageSize } = await loadThread(found.postId, viewer);
  const depthIn = (nodes: readonly CommentNode<Skeleton>[]): number | null => {
    for (const node of nodes) {
      if (node.id === commentId) return node.shown ? node.depth : null;
      const depth = depthIn(node.replies);
      if (depth !== null) return depth;
    }
    return null;
  };
  for (const [index, root] of skeletonTree(skeleton, "oldest").entries()) {
    const depth = depthIn([root]);
    if (depth !== null) return { postId: found.postId, page: Math.floor(index / pageSize) + 1, depth };
  }
  return null;
}

/**
 * resolveCommentLink: where a comment's permalink leads the viewer: the article's page holding
 * it (`?page=N#comment-<id>`), the comment's own page when it is deeper than the article shows,
 * or the article's discussion when they cannot read it; null when there is no such comment on a
 * public article. Always the article's current address, whatever slugs the link was written with.
 */
export async function resolveCommentLink(commentId: string, viewer: Actor): Promise<string | null> {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: { post: { select: { slug: true, blog: { select: { slug: true } } } } },
  });
  if (!comment) return null;
  const article = `/${comment.post.blog.slug}/${comment.post.slug}`;
  const place = await locateComment(commentId, viewer).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") return undefined;
    throw error;
  });
  if (place === undefined) return null;
  if (!place) return `${article}#discussion`;
  if (place.depth > THREAD_DEPTH)
    return `${article}/comments/${encodeURIComponent(commentId)}#${commentAnchor(commentId)}`;
  return `${article}${place.page > 1 ? `?page=${place.page}` : ""}#${commentAnchor(commentId)}`;
}
