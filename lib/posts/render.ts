import "server-only";
import {
  blogRenderOptions,
  renderMarkdownCached,
  RENDER_VERSION,
  storedHtml,
  type BlogRendering,
  type Heading,
  type Rendered,
} from "@/lib/markdown";

/** What an article's render stores beside its source: the columns a save writes. */
export type StoredPostRender = {
  bodyHtml: string;
  headingsJson: string;
  wordCount: number;
  readingMinutes: number;
  renderVersion: number;
};

/**
 * renderPostBody: an article of this blog through the one pipeline (its settings): the columns to
 * store (HTML with the version marker, headings, word count, reading time, pipeline version) and
 * its links; INVALID_INPUT validation.markdownToo… when refused.
 */
export async function renderPostBody(
  source: string,
  blog: BlogRendering,
): Promise<{ stored: StoredPostRender; html: string; links: string[] }> {
  const options = blogRenderOptions(blog, "article");
  const rendered = await renderMarkdownCached(source, options);
  return { stored: articleColumns(rendered, source, blog), html: rendered.html, links: rendered.links };
}

/** articleColumns: the columns an article's render fills, from the pipeline's output for `source` with the blog's options. */
export function articleColumns(rendered: Rendered, source: string, blog: BlogRendering): StoredPostRender {
  return {
    bodyHtml: storedHtml(rendered.html, source, blogRenderOptions(blog, "article")),
    headingsJson: JSON.stringify(rendered.headings),
    wordCount: rendered.words,
    readingMinutes: rendered.readingMinutes,
    renderVersion: RENDER_VERSION,
  };
}

/** previewPostBody: the HTML readers would see, through the same pipeline (cached for the live preview). */
export async function previewPostBody(source: string, blog: BlogRendering): Promise<string> {
  return (await renderMarkdownCached(source, blogRenderOptions(blog, "article"))).html;
}

/** parseStoredHeadings: the headings a render stored (headingsJson); [] for anything malformed. */
export function parseStoredHeadings(json: string): Heading[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (h): h is Heading =>
        typeof h === "object" &&
        h !== null &&
        typeof (h as Heading).depth === "number" &&
        typeof (h as Heading).id === "string" &&
        typeof (h as Heading).text === "string",
    );
  } catch {
    return [];
  }
}
