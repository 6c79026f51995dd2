import "server-only";
import { STAFF_ROLES } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { queueCommentMail, type NotificationDraft } from "@/lib/notifications";

/**
 * noticeHeldComment (issue 11, item 2): a comment was saved held for moderation (status
 * pending, whatever held it: a guest, a rule of the blog), so the blog's owners and moderators
 * hear of it: in the app and by mail, each as their `comment_held` preferences say. Call it
 * after the comment's transaction has committed; the author is never notified of their own
 * comment. decideComments deletes these notices once someone decides. Three queries.
 */
export async function noticeHeldComment(comment: {
  id: string;
  postId: string;
  authorId: string | null;
  authorName: string;
  excerpt: string;
}): Promise<void> {
  const post = await db.post.findUnique({
    where: { id: comment.postId },
    select: {
      blog: {
        select: {
          slug: true,
          memberships: { where: { role: { in: [...STAFF_ROLES] } }, select: { userId: true } },
        },
      },
    },
  });
  if (!post) return;
  const staff = [...new Set(post.blog.memberships.map((m) => m.userId))].filter((id) => id !== comment.authorId);
  if (!staff.length) return;
  const prefs = await db.notificationPreference.findMany({
    where: { userId: { in: staff }, kind: "comment_held" },
    select: { userId: true, inApp: true, email: true },
  });
  const pref = (userId: string) => prefs.find((row) => row.userId === userId) ?? { inApp: true, email: true };
  const inApp = staff.filter((userId) => pref(userId).inApp);
  const email: NotificationDraft[] = staff
    .filter((userId) => pref(userId).email)
    .map((userId) => ({ userId, kind: "comment_held" }));
  if (inApp.length)
    await db.notification.createMany({
      data: inApp.map((userId) => ({
        userId,
        kind: "comment_held",
        actorId: comment.authorId,
        postId: comment.postId,
        commentId: comment.id,
      })),
    });
  queueCommentMail({
    drafts: email,
    postId: comment.postId,
    commentId: comment.id,
    actorName: comment.authorName,
    excerpt: comment.excerpt,
    path: `/write/${post.blog.slug}/moderation`,
  });
}
