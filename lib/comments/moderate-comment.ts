import "server-only";
import { canModerateComments } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publishLive } from "@/lib/live";
import { recordAudit } from "@/lib/moderation";
import { pagesChanged } from "@/lib/page-cache";
import { loadPostContext, type Actor } from "./context";
import { loadComment, requireSignedIn } from "./load-own";
import { prepareNotices, sendNoticeMail, writeNotices } from "./notify";
import { RejectCommentSchema, type RejectCommentInput } from "./schemas";

async function loadForModeration(viewer: Actor, commentId: string) {
  const actor = requireSignedIn(viewer);
  const comment = await loadComment(commentId);
  const context = await loadPostContext(comment.postId, actor);
  if (!canModerateComments(actor, context.viewerRole)) throw new AppError("FORBIDDEN", "errors.forbidden");
  return { actor, comment, context };
}

/** Moves the comment only from the expected status, so two moderators acting at once cannot both win. */
async function transition(
  tx: Parameters<Parameters<typeof db.$transaction>[0]>[0],
  commentId: string,
  from: string[],
  to: string,
): Promise<void> {
  const { count } = await tx.comment.updateMany({
    where: { id: commentId, status: { in: from } },
    data: { status: to },
  });
  if (count !== 1) throw new AppError("CONFLICT", "errors.commentChanged");
}

/**
 * approveComment: a held comment goes live (owners and moderators of the blog, admins). Writes
 * an audit entry and, as the comment only now becomes public, its notices — one transaction;
 * then the emails and the live event.
 */
export async function approveComment(viewer: Actor, commentId: string): Promise<{ id: string; status: "approved" }> {
  const { actor, comment, context } = await loadForModeration(viewer, commentId);
  if (comment.status !== "pending") throw new AppError("CONFLICT", "errors.commentNotPending");
  const parent = comment.parentId
    ? await db.comment.findUnique({ where: { id: comment.parentId }, select: { authorId: true } })
    : null;
  const notices = await prepareNotices({
    actorId: comment.authorId,
    mentionedIds: comment.mentions.map((mention) => mention.userId),
    parentAuthorId: parent?.authorId,
    postAuthorId: context.authorId,
    followersOf: comment.postId,
  });
  await db.$transaction(async (tx) => {
    await transition(tx, commentId, ["pending"], "approved");
    await recordAudit(tx, {
      actorId: actor.id,
      blogId: context.blogId,
      action: "comment.approve",
      subject: { type: "comment", id: commentId },
      before: { status: "pending" },
      after: { status: "approved" },
    });
    await writeNotices(tx, notices, { actorId: comment.authorId, postId: comment.postId, commentId });
  });
  sendNoticeMail(notices, {
    postId: comment.postId,
    commentId,
    actorName: comment.author?.name ?? comment.guestName ?? "",
    excerpt: comment.bodySource,
  });
  await pagesChanged(comment.postId);
  await publishLive({ type: "comment.created", postId: comment.postId, commentId, parentId: comment.parentId });
  return { id: commentId, status: "approved" };
}

/**
 * rejectComment: a held or published comment is marked spam or removed (owners and moderators
 * of the blog, admins), with an audit entry and without its notices; replies stay under a
 * placeholder. Then the live event.
 */
export async function rejectComment(
  viewer: Actor,
  commentId: string,
  input: RejectCommentInput = {},
): Promise<{ id: string; status: "spam" | "removed" }> {
  const { as, reason } = RejectCommentSchema.parse(input);
  const { actor, comment, context } = await loadForModeration(viewer, commentId);
  if (comment.status !== "pending" && comment.status !== "approved")
    throw new AppError("CONFLICT", "errors.commentChanged");
  await db.$transaction(async (tx) => {
    await transition(tx, commentId, [comment.status], as);
    await recordAudit(tx, {
      actorId: actor.id,
      blogId: context.blogId,
      action: as === "spam" ? "comment.spam" : "comment.remove",
      subject: { type: "comment", id: commentId },
      reason,
      before: { status: comment.status },
      after: { status: as },
    });
    await tx.notification.deleteMany({ where: { commentId } });
  });
  await pagesChanged(comment.postId);
  await publishLive({ type: "comment.removed", postId: comment.postId, commentId });
  return { id: commentId, status: as };
}
