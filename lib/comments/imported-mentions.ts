import "server-only";
import { db } from "@/lib/db";
import { renderCommentBody } from "./render-body";

/**
 * linkImportedMentions: renders imported comments again with their @mentions resolved (links
 * to profiles) and their blog's settings, and records who they mention. Runs after an import
 * commits; notifies nobody.
 */
export async function linkImportedMentions(commentIds: string[]): Promise<void> {
  if (!commentIds.length) return;
  const comments = await db.comment.findMany({
    where: { id: { in: commentIds } },
    select: {
      id: true,
      bodySource: true,
      post: {
        select: {
          id: true,
          blogId: true,
          authorId: true,
          blog: { select: { frenchTypography: true, language: true } },
        },
      },
    },
  });
  for (const comment of comments) {
    const { post } = comment;
    const rendered = await renderCommentBody(comment.bodySource, {
      postId: post.id,
      blogId: post.blogId,
      authorId: post.authorId,
      rendering: post.blog,
    });
    await db.$transaction([
      db.comment.update({
        where: { id: comment.id },
        data: { bodyHtml: rendered.html, renderVersion: rendered.renderVersion },
      }),
      db.mention.deleteMany({ where: { commentId: comment.id } }),
      db.mention.createMany({ data: rendered.mentions.map((user) => ({ commentId: comment.id, userId: user.id })) }),
    ]);
  }
}
