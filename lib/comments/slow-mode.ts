import "server-only";
import { slowModeWait } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor, PostContext } from "./context";

/**
 * lastCommentAt: when the person last commented on the article (any status), or null. A guest
 * is known by the e-mail they give. One query, only when slow mode is on.
 */
async function lastCommentAt(postId: string, viewer: Actor, guestEmail?: string): Promise<Date | null> {
  if (!viewer && !guestEmail) return null;
  const last = await db.comment.findFirst({
    where: { postId, ...(viewer ? { authorId: viewer.id } : { authorId: null, guestEmail }) },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return last?.createdAt ?? null;
}

/**
 * assertSlowMode: in slow mode, refuses a comment that comes too soon after the person's last
 * one on the article (RATE_LIMITED, with the seconds left); the policy exempts moderators.
 */
export async function assertSlowMode(context: PostContext, viewer: Actor, guestEmail?: string): Promise<void> {
  if (!context.slowModeSeconds || context.canModerate) return;
  const wait = slowModeWait({
    actor: viewer,
    role: context.viewerRole,
    seconds: context.slowModeSeconds,
    lastCommentAt: await lastCommentAt(context.postId, viewer, guestEmail),
  });
  if (wait > 0) throw new AppError("RATE_LIMITED", "errors.slowMode", { retryAfterSeconds: wait, seconds: wait });
}
