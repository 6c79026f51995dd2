import { applyFrenchSpacing } from "./typography";
import type { RenderKind, RenderOptions } from "./types";

/** The blog settings every render of its texts depends on (articles and comments alike). */
export type BlogRendering = { frenchTypography: boolean; language: string };

/**
 * blogRenderOptions: the pipeline options for a text of this blog: its French typography
 * setting and the language of the labels the pipeline writes. Articles, comments, the API,
 * content sync and the start-up re-render all take their options from here, so a text renders
 * the same whichever way it came in.
 */
export function blogRenderOptions(blog: BlogRendering, kind: RenderKind): Omit<RenderOptions, "remarkPlugins"> {
  return { kind, frenchTypography: blog.frenchTypography, locale: blog.language === "fr" ? "fr" : "en" };
}

/** BLOG_RENDER_JOB: the job kind that renders a blog's articles and comments again after its rendering settings changed. */
export const BLOG_RENDER_JOB = "render.blog";

/**
 * typesetPlain: a plain string of a blog (an article's title, its excerpt) spaced as its
 * articles are (French no-break spaces when the blog asks for them): the same rule as the
 * pipeline, applied to text that is never markdown.
 */
export function typesetPlain<T extends string | null>(text: T, blog: { frenchTypography: boolean }): T {
  return (text && blog.frenchTypography ? applyFrenchSpacing(text) : text) as T;
}
