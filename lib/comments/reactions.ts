import "server-only";
import { canFollowPost, likeRefusal } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { pagesChanged } from "@/lib/page-cache";
import { isPublic } from "@/lib/posts/public";
import type { Actor } from "./context";
import { requireSignedIn } from "./load-own";

/**
 * toggleLike: likes an approved comment, or takes the like back; one like per person (the
 * unique Reaction), likeCount moved in the same transaction. Liking one's own comment is
 * refused (FORBIDDEN errors.ownCommentLike): a like is what others think, and "most liked"
 * must not be a sort anyone can climb alone.
 */
export async function toggleLike(viewer: Actor, commentId: string): Promise<{ liked: boolean; likeCount: number }> {
  const actor = requireSignedIn(viewer);
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: {
      status: true,
      authorId: true,
      postId: true,
      post: { select: { status: true, deletedAt: true, publishedAt: true, blogId: true } },
    },
  });
  if (!comment || comment.status !== "approved" || !isPublic(comment.post))
    throw new AppError("NOT_FOUND", "errors.notFound");
  const refusal = likeRefusal(actor, comment, comment.post.blogId);
  if (refusal === "ownComment") throw new AppError("FORBIDDEN", "errors.ownCommentLike");
  if (refusal === "sanctioned") throw new AppError("FORBIDDEN", "errors.sanctioned");
  const key = { commentId_userId_kind: { commentId, userId: actor.id, kind: "like" } };
  try {
    const result = await db.$transaction(async (tx) => {
      const existing = await tx.reaction.findUnique({ where: key, select: { id: true } });
      if (existing) await tx.reaction.delete({ where: { id: existing.id } });
      else await tx.reaction.create({ data: { commentId, userId: actor.id, kind: "like" } });
      const { likeCount } = await tx.comment.update({
        where: { id: commentId },
        data: { likeCount: existing ? { decrement: 1 } : { increment: 1 } },
        select: { likeCount: true },
      });
      return { liked: !existing, likeCount };
    });
    // Anonymous readers see like counts on the article (no list shows them): its cached page is stale.
    await pagesChanged(comment.postId, "none");
    return result;
  } catch (error) {
    // A double click raced itself: the other request's like stands.
    if (!isUniqueViolation(error)) throw error;
    const { likeCount } = await db.comment.findUniqueOrThrow({ where: { id: commentId }, select: { likeCount: true } });
    return { liked: true, likeCount };
  }
}

/** followPost: the viewer hears of every new comment on the article (thread_comment notices). */
export async function followPost(viewer: Actor, postId: string): Promise<{ following: true }> {
  const actor = requireSignedIn(viewer);
  if (!canFollowPost(actor)) throw new AppError("FORBIDDEN", "errors.forbidden");
  const post = await db.post.findUnique({
    where: { id: postId },
    select: { status: true, deletedAt: true, publishedAt: true },
  });
  if (!post || !isPublic(post)) throw new AppError("NOT_FOUND", "errors.notFound");
  await db.follow.upsert({
    where: { userId_postId: { userId: actor.id, postId } },
    create: { userId: actor.id, postId },
    update: {},
  });
  return { following: true };
}

/** unfollowPost: stops those notices (commenting again follows the article again). */
export async function unfollowPost(viewer: Actor, postId: string): Promise<{ following: false }> {
  const actor = requireSignedIn(viewer);
  await db.follow.deleteMany({ where: { userId: actor.id, postId } });
  return { following: false };
}
