import "server-only";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { RENDER_VERSION } from "@/lib/markdown";
import { rerenderStoredComment } from "./render-body";

/** Comments read and rendered per round: bounds the memory and each query of the re-render. */
const COMMENT_RERENDER_BATCH = 100;

/**
 * rerenderStaleComments: renders again, with its blog's settings, every comment whose stored
 * render comes from an older pipeline, or with `blogId` every comment of that blog (its settings
 * changed), in batches by id. Its @mentions point at the people it is
 * stored as mentioning (its Mention rows), never looked up again. Only bodyHtml and
 * renderVersion are written, and only if the source is still the one rendered. Comments whose
 * HTML is not a render of their source (deleted placeholders, replies received by Webmention)
 * are only marked current. Returns how many comments it rendered.
 */
export async function rerenderStaleComments(options: { blogId?: string; batchSize?: number } = {}): Promise<number> {
  const { blogId, batchSize = COMMENT_RERENDER_BATCH } = options;
  const scope = blogId ? { post: { blogId } } : { renderVersion: { lt: RENDER_VERSION } };
  let rendered = 0;
  let after = "";
  for (;;) {
    const comments = await db.comment.findMany({
      where: { ...scope, id: { gt: after } },
      orderBy: { id: "asc" },
      take: batchSize,
      select: {
        id: true,
        bodySource: true,
        status: true,
        sourceUrl: true,
        post: { select: { blog: { select: { frenchTypography: true, language: true } } } },
        mentions: {
          select: { user: { select: { id: true, handle: true, name: true, handleKey: true, nameKey: true } } },
        },
      },
    });
    if (!comments.length) return rendered;
    after = comments[comments.length - 1]!.id;
    for (const comment of comments) {
      const where = { id: comment.id, bodySource: comment.bodySource };
      if (comment.status === "deleted" || comment.sourceUrl) {
        await db.comment.updateMany({ where, data: { renderVersion: RENDER_VERSION } });
        continue;
      }
      try {
        const mentioned = comment.mentions.map(({ user }) => user);
        const html = await rerenderStoredComment(comment.bodySource, comment.post.blog, mentioned);
        await db.comment.updateMany({ where, data: { bodyHtml: html, renderVersion: RENDER_VERSION } });
        rendered++;
      } catch (error) {
        if (!isAppError(error) || error.code !== "INVALID_INPUT") throw error;
        console.warn(`[render] comment ${comment.id} kept its stored HTML: ${error.message}`);
        await db.comment.updateMany({ where, data: { renderVersion: RENDER_VERSION } });
      }
    }
  }
}
