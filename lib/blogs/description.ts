import "server-only";
import { db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import {
  blogRenderOptions,
  isStale,
  renderMarkdownCached,
  storedHtml,
  stripRenderMarker,
  type BlogRendering,
} from "@/lib/markdown";

/** The columns a blog's description fills when rendered. */
export type RenderedDescription = { descriptionHtml: string | null; descriptionText: string | null };

/**
 * renderDescription: a blog's description (markdown) through the comment subset of the pipeline
 * with the blog's settings: sanitized HTML with the version marker, and its text (meta
 * description, feeds). Nulls without a description; INVALID_INPUT (field description) when the
 * pipeline refuses it.
 */
export async function renderDescription(
  description: string | null | undefined,
  blog: BlogRendering,
): Promise<RenderedDescription> {
  if (!description) return { descriptionHtml: null, descriptionText: null };
  const options = blogRenderOptions(blog, "comment");
  try {
    const rendered = await renderMarkdownCached(description, options);
    return { descriptionHtml: storedHtml(rendered.html, description, options), descriptionText: rendered.plainText };
  } catch (error) {
    if (isAppError(error) && error.code === "INVALID_INPUT") {
      throw new AppError("INVALID_INPUT", error.message, { ...error.details, field: "description" });
    }
    throw error;
  }
}

/** shownDescription: the stored description HTML as a page shows it (marker removed); null when none. */
export function shownDescription(descriptionHtml: string | null): string | null {
  return descriptionHtml ? stripRenderMarker(descriptionHtml) : null;
}

/**
 * rerenderStaleDescriptions: renders again the descriptions never rendered or rendered by an
 * older pipeline (blogs are few: one query, then one write per stale blog). Returns how many.
 */
export async function rerenderStaleDescriptions(): Promise<number> {
  const blogs = await db.blog.findMany({
    where: { description: { not: null } },
    select: { id: true, description: true, descriptionHtml: true, frenchTypography: true, language: true },
  });
  let rendered = 0;
  for (const blog of blogs) {
    if (blog.descriptionHtml && !isStale(blog.descriptionHtml)) continue;
    try {
      const columns = await renderDescription(blog.description, blog);
      await db.blog.updateMany({ where: { id: blog.id, description: blog.description }, data: columns });
      rendered++;
    } catch (error) {
      if (!isAppError(error) || error.code !== "INVALID_INPUT") throw error;
      console.warn(`[render] the description of blog ${blog.id} is refused by the pipeline: ${error.message}`);
    }
  }
  return rendered;
}
