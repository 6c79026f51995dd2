import "server-only";
import { db } from "@/lib/db";
import { renderCommentBody } from "./render-body";

/**
 * linkImportedMentions: renders imported comments again with their @mentions resolved (links
 * to profiles) and records who they mention. Runs after an import commits; notifies nobody.
 */
export async function linkImportedMentions(commentIds: string[]): Promise<void> {
  if (!commentIds.length) return;
  const comments = await db.comment.findMany({
    where: { id: { in: commentIds } },
    select: { id: true, bodySource: true, post: { select: { id: true, blogId: true, authorId: true } } },
  });
  for (const comment of comments) {
    const context = { postId: comment.post.id, blogId: comment.post.blogId, authorId: comment.post.authorId };
    const rendered = await renderCommentBody(comment.bodySource, context as Parameters<typeof renderCommentBody>[1]);
    await db.$transaction([
      db.comment.update({ where: { id: comment.id }, data: { bodyHtml: rendered.html } }),
      db.mention.deleteMany({ where: { commentId: comment.id } }),
      db.mention.createMany({ data: rendered.mentions.map((user) => ({ commentId: comment.id, userId: user.id })) }),
    ]);
  }
}
