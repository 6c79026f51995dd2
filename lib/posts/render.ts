import "server-only";
import { renderMarkdownCached, renderStored, type RenderOptions } from "@/lib/markdown";

type BlogRendering = { frenchTypography: boolean; language: string };

const optionsFor = (blog: BlogRendering): RenderOptions => ({
  kind: "article",
  frenchTypography: blog.frenchTypography,
  locale: blog.language === "fr" ? "fr" : "en",
});

/** renderArticle: the stored HTML (with the pipeline's version marker) and the links of an article of this blog. */
export function renderArticle(source: string, blog: BlogRendering): { html: string; links: string[] } {
  const options = optionsFor(blog);
  return { html: renderStored(source, options), links: renderMarkdownCached(source, options).links };
}

/** previewArticle: the HTML readers would see, through the same pipeline (cached for the live preview). */
export function previewArticle(source: string, blog: BlogRendering): string {
  return renderMarkdownCached(source, optionsFor(blog)).html;
}
