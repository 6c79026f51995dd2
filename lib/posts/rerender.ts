import "server-only";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { blogRenderOptions, renderMarkdownCached, RENDER_VERSION } from "@/lib/markdown";
import { articleColumns } from "./render";

/** Articles read and rendered per round: bounds the memory and each query of the re-render. */
const RERENDER_BATCH = 50;

/**
 * rerenderStalePosts: renders again, with its blog's settings, every article whose stored render
 * comes from an older pipeline (renderVersion < RENDER_VERSION), or with `blogId` every article
 * of that blog (its settings changed), in batches of RERENDER_BATCH by id. Only the derived
 * columns are written (HTML, headings, word count, reading time, version), never bodySource, and
 * only if the source is still the one rendered (a save in between wins). A text the current
 * bounds refuse keeps its HTML and is marked current, so it is not retried at every start.
 * Returns how many articles it rendered.
 */
export async function rerenderStalePosts(options: { blogId?: string; batchSize?: number } = {}): Promise<number> {
  const { blogId, batchSize = RERENDER_BATCH } = options;
  const scope = blogId ? { blogId } : { renderVersion: { lt: RENDER_VERSION } };
  let rendered = 0;
  let after = "";
  for (;;) {
    const posts = await db.post.findMany({
      where: { ...scope, id: { gt: after } },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, bodySource: true, blog: { select: { frenchTypography: true, language: true } } },
    });
    if (!posts.length) return rendered;
    after = posts[posts.length - 1]!.id;
    for (const post of posts) {
      const where = { ...scope, id: post.id, bodySource: post.bodySource };
      try {
        const output = await renderMarkdownCached(post.bodySource, blogRenderOptions(post.blog, "article"));
        await db.post.updateMany({ where, data: articleColumns(output, post.bodySource, post.blog) });
        rendered++;
      } catch (error) {
        if (!isAppError(error) || error.code !== "INVALID_INPUT") throw error;
        console.warn(`[render] article ${post.id} kept its stored HTML: ${error.message}`);
        await db.post.updateMany({ where, data: { renderVersion: RENDER_VERSION } });
      }
    }
  }
}
