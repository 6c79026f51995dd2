import "server-only";
import { canNotifyMentions } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { queueCommentWebmentions } from "@/lib/links/webmention";
import { publishLive } from "@/lib/live";
import { pagesChanged } from "@/lib/page-cache";
import { commentsChanged } from "@/lib/search";
import { consume } from "@/lib/security";
import { loadPostContext, type Actor } from "./context";
import { loadOwnComment } from "./load-own";
import { prepareNotices, sendNoticeMail, writeNotices } from "./notify";
import { renderCommentBody } from "./render-body";
import { assertCanComment } from "./rules";
import { CommentBodySchema } from "./schemas";

/**
 * editComment: the author rewrites their own approved or held comment while the article still
 * takes comments. The previous source becomes a CommentRevision (moderators see the history),
 * editedAt is set, mentions are resolved again (only newly mentioned people are notified) —
 * all in one transaction; then the live event.
 */
export async function editComment(
  viewer: Actor,
  commentId: string,
  body: string,
): Promise<{ id: string; editedAt: Date | null; changed: boolean }> {
  const { actor, comment } = await loadOwnComment(viewer, commentId);
  const source = CommentBodySchema.parse(body);
  const context = await loadPostContext(comment.postId, actor);
  assertCanComment(context.access);
  if (source === comment.bodySource) return { id: comment.id, editedAt: null, changed: false };
  await consume("comment", actor.id);

  const rendered = await renderCommentBody(source, context);
  const before = new Set(comment.mentions.map((mention) => mention.userId));
  const after = rendered.mentions.map((user) => user.id);
  const added = after.filter((id) => !before.has(id));
  const notices =
    comment.status === "approved" && added.length && canNotifyMentions(actor, context.blogId)
      ? await prepareNotices({ actorId: actor.id, mentionedIds: added })
      : { inApp: [], email: [] };
  // Only the mention notices: a person already told of this comment in another way hears nothing new.
  const mentionNotices = {
    inApp: notices.inApp.filter((notice) => notice.kind === "mention"),
    email: notices.email.filter((notice) => notice.kind === "mention"),
  };
  const editedAt = new Date();

  await db.$transaction(async (tx) => {
    await tx.commentRevision.create({
      data: { commentId, editorId: actor.id, bodySource: comment.bodySource },
    });
    await tx.comment.update({
      where: { id: commentId },
      data: { bodySource: source, bodyHtml: rendered.html, renderVersion: rendered.renderVersion, editedAt },
    });
    await tx.mention.deleteMany({ where: { commentId, userId: { notIn: after } } });
    if (added.length) await tx.mention.createMany({ data: added.map((userId) => ({ userId, commentId })) });
    await writeNotices(tx, mentionNotices, { actorId: actor.id, postId: comment.postId, commentId });
  });

  if (comment.status === "approved") {
    sendNoticeMail(mentionNotices, {
      postId: comment.postId,
      commentId,
      actorName: actor.name ?? comment.author?.name ?? "",
      excerpt: rendered.plainText,
    });
    // The count stays: the article, and the home page's quotes of the latest comments.
    await pagesChanged(comment.postId, "home");
    await commentsChanged([commentId]);
    await publishLive({ type: "comment.edited", postId: comment.postId, commentId, actorId: actor.id });
    await queueCommentWebmentions(commentId);
  }
  return { id: commentId, editedAt, changed: true };
}
