import "server-only";
import { db } from "@/lib/db";
import { publishLive } from "@/lib/live";
import { pagesChanged } from "@/lib/page-cache";
import { commentsChanged } from "@/lib/search";
import type { Actor } from "./context";
import { loadOwnComment } from "./load-own";

/**
 * deleteComment: the author withdraws their own comment. It becomes a "deleted" placeholder:
 * the rendered HTML is blanked so it can never reach a page, replies stay in place under it
 * (an all-deleted subtree is pruned from the tree). The markdown source is KEPT, with its
 * revisions, for moderators (abuse reported and then deleted must stay reviewable); account
 * deletion is what erases a person's content. Its mentions and notices go, in one transaction.
 */
export async function deleteComment(viewer: Actor, commentId: string): Promise<{ id: string; status: "deleted" }> {
  const { actor, comment } = await loadOwnComment(viewer, commentId);
  await db.$transaction(async (tx) => {
    await tx.comment.update({ where: { id: commentId }, data: { status: "deleted", bodyHtml: "" } });
    await tx.mention.deleteMany({ where: { commentId } });
    await tx.notification.deleteMany({ where: { commentId } });
  });
  await pagesChanged(comment.postId);
  await commentsChanged([commentId]);
  await publishLive({ type: "comment.removed", postId: comment.postId, commentId, actorId: actor.id });
  return { id: commentId, status: "deleted" };
}
