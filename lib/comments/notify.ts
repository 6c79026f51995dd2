import "server-only";
import { db, type Tx } from "@/lib/db";
import { prepareNotifications, queueCommentMail, type NotificationDraft } from "@/lib/notifications";

/** Who a published comment concerns (ids may be null or repeat; the actor is never notified). */
export type CommentAudience = {
  actorId: string | null;
  mentionedIds: readonly string[];
  parentAuthorId?: string | null;
  postAuthorId?: string | null;
  /** Notify the article's followers (new comments); edits only notify newly mentioned people. */
  followersOf?: string;
};

export type PreparedNotices = { inApp: NotificationDraft[]; email: NotificationDraft[] };

/** prepareNotices: the notices of a comment, preferences applied, read before the transaction. */
export function prepareNotices(audience: CommentAudience): Promise<PreparedNotices> {
  const { followersOf, ...rest } = audience;
  return prepareNotifications(rest, { followersOfPostId: followersOf });
}

/** noticeWrites: the in-app notices, as statements of the comment's batch transaction. */
export function noticeWrites(
  notices: PreparedNotices,
  about: { actorId: string | null; postId: string; commentId: string },
) {
  if (!notices.inApp.length) return [];
  return [db.notification.createMany({ data: notices.inApp.map(({ userId, kind }) => ({ userId, kind, ...about })) })];
}

/** writeNotices: the in-app notices, inside the comment's transaction. */
export async function writeNotices(
  tx: Tx,
  notices: PreparedNotices,
  about: { actorId: string | null; postId: string; commentId: string },
): Promise<void> {
  if (!notices.inApp.length) return;
  await tx.notification.createMany({
    data: notices.inApp.map(({ userId, kind }) => ({ userId, kind, ...about })),
  });
}

/** sendNoticeMail: after commit, the emails of the notices (queued; never undoes the comment). */
export function sendNoticeMail(
  notices: PreparedNotices,
  about: { postId: string; commentId: string; actorName: string; excerpt: string },
): void {
  queueCommentMail({ drafts: notices.email, ...about });
}
