import "server-only";
import { z } from "zod";
import { getBlogRole } from "@/lib/auth/blog-role";
import { canLockThread, canPinComment, canSetSlowMode, type Actor, type BlogRole } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { pagesChanged } from "@/lib/page-cache";
import { publicPostWhere } from "@/lib/posts/public";
import { recordAudit } from "./audit";

// The thread tools of an article (issue 11, item 3): lock, pin, slow mode. Each service takes
// the acting person first, asks lib/auth/policy, writes the change and its audit entry in one
// transaction, then invalidates the cached pages of the article.

/** The slow-mode choices the article offers (seconds); the API takes any value in bounds. */
export const SLOW_MODE_CHOICES = [30, 60, 300, 900, 3600] as const;

/** SlowModeSchema: `{ seconds }` — 5 s to one day, or null to switch slow mode off. */
export const SlowModeSchema = z.object({
  seconds: z.coerce.number().int().min(5).max(86_400).nullable(),
});
export type SlowModeInput = z.input<typeof SlowModeSchema>;

/** PinSchema: `{ commentId }` of PUT /posts/{id}/pin. */
export const PinSchema = z.object({ commentId: z.string().min(1).max(64) });

const postSelect = {
  id: true,
  blogId: true,
  title: true,
  lockedAt: true,
  slowModeSeconds: true,
  pinnedCommentId: true,
} as const;

type SignedIn = NonNullable<Actor>;

/** loadForTool: the public article and the actor's role on its blog; UNAUTHENTICATED, NOT_FOUND or FORBIDDEN. */
async function loadForTool(viewer: Actor, postId: string, allowed: (actor: Actor, role: BlogRole | null) => boolean) {
  if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
  const post = await db.post.findFirst({ where: { id: postId, ...publicPostWhere() }, select: postSelect });
  if (!post) throw new AppError("NOT_FOUND", "errors.notFound");
  if (!allowed(viewer, await getBlogRole(viewer.id, post.blogId))) throw new AppError("FORBIDDEN", "errors.forbidden");
  return { actor: viewer as SignedIn, post };
}

/** lockThread / unlockThread: no new comment or reply while locked; existing ones stay. */
export async function setThreadLock(
  viewer: Actor,
  postId: string,
  locked: boolean,
  reason?: string,
): Promise<{ postId: string; lockedAt: Date | null }> {
  const { actor, post } = await loadForTool(viewer, postId, canLockThread);
  if (Boolean(post.lockedAt) === locked) return { postId, lockedAt: post.lockedAt };
  const lockedAt = locked ? new Date() : null;
  await db.$transaction(async (tx) => {
    await tx.post.update({ where: { id: postId }, data: { lockedAt } });
    await recordAudit(tx, {
      actorId: actor.id,
      blogId: post.blogId,
      action: locked ? "thread.lock" : "thread.unlock",
      subject: { type: "post", id: postId, name: post.title },
      reason: reason?.slice(0, 500),
      before: { lockedAt: post.lockedAt?.toISOString() ?? null },
      after: { lockedAt: lockedAt?.toISOString() ?? null },
    });
  });
  await pagesChanged(postId);
  return { postId, lockedAt };
}

/**
 * pinComment: one approved top-level comment of the article is shown above the others (it
 * replaces any earlier pin); null unpins.
 */
export async function pinComment(
  viewer: Actor,
  postId: string,
  commentId: string | null,
): Promise<{ postId: string; pinnedCommentId: string | null }> {
  const { actor, post } = await loadForTool(viewer, postId, canPinComment);
  let pinnedName: string | null = null;
  if (commentId) {
    const comment = await db.comment.findUnique({
      where: { id: commentId },
      select: { postId: true, parentId: true, status: true, guestName: true, author: { select: { name: true } } },
    });
    if (!comment || comment.postId !== postId) throw new AppError("NOT_FOUND", "errors.notFound");
    if (comment.parentId || comment.status !== "approved")
      throw new AppError("INVALID_INPUT", "errors.pinTopLevelOnly", { field: "commentId" });
    pinnedName = comment.author?.name ?? comment.guestName;
  }
  if (post.pinnedCommentId === commentId) return { postId, pinnedCommentId: commentId };
  await db.$transaction(async (tx) => {
    await tx.post.update({ where: { id: postId }, data: { pinnedCommentId: commentId } });
    await recordAudit(tx, {
      actorId: actor.id,
      blogId: post.blogId,
      action: commentId ? "comment.pin" : "comment.unpin",
      subject: commentId
        ? { type: "comment", id: commentId, name: pinnedName }
        : { type: "comment", id: post.pinnedCommentId ?? postId },
      before: { pinnedCommentId: post.pinnedCommentId, postId },
      after: { pinnedCommentId: commentId, postId },
    });
  });
  await pagesChanged(postId);
  return { postId, pinnedCommentId: commentId };
}

/** setSlowMode: one comment per person every `seconds` on this article (moderators exempt); null switches it off. */
export async function setSlowMode(
  viewer: Actor,
  postId: string,
  input: SlowModeInput,
): Promise<{ postId: string; slowModeSeconds: number | null }> {
  const { seconds } = SlowModeSchema.parse(input);
  const { actor, post } = await loadForTool(viewer, postId, canSetSlowMode);
  if (post.slowModeSeconds === seconds) return { postId, slowModeSeconds: seconds };
  await db.$transaction(async (tx) => {
    await tx.post.update({ where: { id: postId }, data: { slowModeSeconds: seconds } });
    await recordAudit(tx, {
      actorId: actor.id,
      blogId: post.blogId,
      action: "thread.slow_mode",
      subject: { type: "post", id: postId, name: post.title },
      before: { slowModeSeconds: post.slowModeSeconds },
      after: { slowModeSeconds: seconds },
    });
  });
  await pagesChanged(postId);
  return { postId, slowModeSeconds: seconds };
}
