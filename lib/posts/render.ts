import "server-only";
import { renderMarkdownCached, storedHtml, type PoolRenderOptions } from "@/lib/markdown";

type BlogRendering = { frenchTypography: boolean; language: string };

const optionsFor = (blog: BlogRendering): PoolRenderOptions => ({
  kind: "article",
  frenchTypography: blog.frenchTypography,
  locale: blog.language === "fr" ? "fr" : "en",
});

/** renderArticle: the stored HTML (with the pipeline's version marker) and the links of an article of this blog; INVALID_INPUT validation.markdownToo… when refused. */
export async function renderArticle(source: string, blog: BlogRendering): Promise<{ html: string; links: string[] }> {
  const options = optionsFor(blog);
  const { html, links } = await renderMarkdownCached(source, options);
  return { html: storedHtml(html, source, options), links };
}

/** previewArticle: the HTML readers would see, through the same pipeline (cached for the live preview). */
export async function previewArticle(source: string, blog: BlogRendering): Promise<string> {
  return (await renderMarkdownCached(source, optionsFor(blog))).html;
}
