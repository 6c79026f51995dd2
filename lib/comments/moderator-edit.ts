import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { getBlogRole } from "@/lib/auth/blog-role";
import { canModeratorEditComment } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publishLive } from "@/lib/live";
import { recordAudit } from "@/lib/moderation";
import { pagesChanged } from "@/lib/page-cache";
import { commentsChanged } from "@/lib/search";
import { loadPostContext, type Actor } from "./context";
import { loadComment, requireSignedIn } from "./load-own";
import { renderCommentBody } from "./render-body";
import { CommentBodySchema } from "./schemas";

/** ModeratorEditSchema: the new body and the moderator's note readers see under the comment. */
export const ModeratorEditSchema = z.object({
  body: CommentBodySchema,
  note: z.string().trim().min(1, "validation.moderatorNoteRequired").max(300, "validation.moderatorNoteTooLong"),
});
export type ModeratorEditInput = z.input<typeof ModeratorEditSchema>;

/** The statuses a moderator may edit: published, held, or hidden pending review. */
const EDITABLE = ["approved", "pending", "hidden"];

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const excerpt = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);

/**
 * moderatorEditComment: a blog's moderator rewrites someone's comment with a visible note
 * ("Edited by moderation: …"). Same render path as the author's edit; the earlier text becomes
 * a CommentRevision; mentions are re-linked without notifying anyone; the audit entry keeps
 * excerpts and hashes of both texts and the note — one transaction, then the live event.
 */
export async function moderatorEditComment(
  viewer: Actor,
  commentId: string,
  input: ModeratorEditInput,
): Promise<{ id: string; editedAt: Date }> {
  const { body, note } = ModeratorEditSchema.parse(input);
  const actor = requireSignedIn(viewer);
  const comment = await loadComment(commentId);
  const context = await loadPostContext(comment.postId, actor);
  if (!canModeratorEditComment(actor, await getBlogRole(actor.id, context.blogId)))
    throw new AppError("FORBIDDEN", "errors.forbidden");
  if (!EDITABLE.includes(comment.status)) throw new AppError("CONFLICT", "errors.commentGone");

  const rendered = await renderCommentBody(body, context);
  const after = rendered.mentions.map((user) => user.id);
  const before = new Set(comment.mentions.map((mention) => mention.userId));
  const added = after.filter((id) => !before.has(id));
  const editedAt = new Date();
  await db.$transaction(async (tx) => {
    await tx.commentRevision.create({ data: { commentId, editorId: actor.id, bodySource: comment.bodySource } });
    await tx.comment.update({
      where: { id: commentId },
      data: {
        bodySource: body,
        bodyHtml: rendered.html,
        renderVersion: rendered.renderVersion,
        editedAt,
        moderatorNote: note,
      },
    });
    await tx.mention.deleteMany({ where: { commentId, userId: { notIn: after } } });
    if (added.length) await tx.mention.createMany({ data: added.map((userId) => ({ userId, commentId })) });
    await recordAudit(tx, {
      actorId: actor.id,
      blogId: context.blogId,
      action: "comment.moderator_edit",
      subject: { type: "comment", id: commentId, name: comment.author?.name ?? comment.guestName },
      reason: note,
      before: { excerpt: excerpt(comment.bodySource), sha256: sha256(comment.bodySource) },
      after: { excerpt: excerpt(body), sha256: sha256(body), note },
    });
  });
  // The count stays: the article, and the home page's quotes of the latest comments.
  await pagesChanged(comment.postId, "home");
  await commentsChanged([commentId]);
  await publishLive({ type: "comment.edited", postId: comment.postId, commentId, actorId: actor.id });
  return { id: commentId, editedAt };
}
