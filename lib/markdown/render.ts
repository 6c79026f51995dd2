import type { Root as HastRoot } from "hast";
import type { Root as MdRoot } from "mdast";
import rehypeHighlight from "rehype-highlight";
import rehypeRaw from "rehype-raw";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype, { type Options as RemarkRehypeOptions } from "remark-rehype";
import { unified, type PluggableList } from "unified";
import { AppError } from "../errors";
import { highlightOptions } from "./highlight";
import { sizeImages } from "./images";
import { collectLinks, hardenLinks, rewriteFragments } from "./links";
import { articleSchema, commentSchema } from "./sanitize";
import { demoteTitles, toCommentSubset } from "./subset";
import { countWords, extractPlainText, readingMinutes } from "./text";
import { addHeadingAnchors, collectHeadings, outlineHeadings, rehypeHeadingIds } from "./toc";
import { applyFrenchTypography } from "./typography";
import { checkMarkdownBounds } from "./limits";
import { resolveOptions, type RenderKind, type RenderOptions, type Rendered, type ResolvedOptions } from "./types";
import { indexTree } from "./walk";

// The pipeline, in order:
//   markdown → mdast (CommonMark + GFM) → links collected → kind subset → caller's remark plugins
//   → French typography → hast → heading ids → highlighting → SANITIZE → fragment links,
//   outline, plain text → heading anchors, image sizes, rel → HTML.
// Everything user-written passes the sanitizer; only the pipeline's own additions, built
// from already-sanitized values (ids, src, href), come after it.
// Raw HTML in articles is parsed (rehype-raw) so the sanitizer keeps its safe part (a <kbd>,
// a <details>) and drops the rest; comments accept no raw HTML at all.

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

const footnoteLabels = {
  en: { footnoteLabel: "Footnotes", footnoteBackLabel: (i: number) => `Back to reference ${i + 1}` },
  fr: { footnoteLabel: "Notes", footnoteBackLabel: (i: number) => `Retour à l’appel de note ${i + 1}` },
} satisfies Record<string, RemarkRehypeOptions>;

/** htmlStage: mdast → sanitized hast (and the serializer), built once per kind and locale. */
function createHtmlStage(kind: RenderKind, locale: "fr" | "en") {
  // No clobber prefix here: the sanitizer adds "user-content-" to every id, footnotes included.
  const plugins: PluggableList = [
    [remarkRehype, { clobberPrefix: "", allowDangerousHtml: kind === "article", ...footnoteLabels[locale] }],
  ];
  if (kind === "article") plugins.push(rehypeRaw);
  if (kind === "article") plugins.push(rehypeHeadingIds);
  plugins.push([rehypeHighlight, highlightOptions]);
  plugins.push([rehypeSanitize, kind === "article" ? articleSchema : commentSchema]);
  plugins.push(rehypeStringify);
  return unified().use(plugins).freeze();
}

const htmlStages = new Map<string, ReturnType<typeof createHtmlStage>>();

function htmlStage(kind: RenderKind, locale: "fr" | "en") {
  const key = `${kind}:${locale}`;
  let stage = htmlStages.get(key);
  if (!stage) htmlStages.set(key, (stage = createHtmlStage(kind, locale)));
  return stage;
}

/** assertWithinBounds: throws INVALID_INPUT (validation.markdownToo…, with the line) when the source is past the bounds of lib/markdown/limits. */
export function assertWithinBounds(source: string, kind: RenderKind): void {
  const refusal = checkMarkdownBounds(source, kind);
  if (refusal) {
    throw new AppError("INVALID_INPUT", `validation.${refusal.reason}`, { line: refusal.line, limit: refusal.limit });
  }
}

/** parseMarkdown: the bounded source's syntax tree (CommonMark + GFM) and the links it holds, before any transform. */
export function parseMarkdown(source: string, kind: RenderKind): { mdast: MdRoot; links: string[] } {
  assertWithinBounds(source, kind);
  const mdast = parser.parse(source);
  return { mdast, links: collectLinks(mdast) };
}

/** finishRender: the rest of the pipeline on a parsed tree: subset, plugins, typography, HTML, outline, text. */
export function finishRender(mdast: MdRoot, links: string[], settings: ResolvedOptions): Rendered {
  if (settings.kind === "comment") toCommentSubset(mdast);
  else demoteTitles(mdast);
  if (settings.remarkPlugins.length > 0) unified().use(settings.remarkPlugins).runSync(mdast);
  if (settings.frenchTypography) applyFrenchTypography(mdast);

  const stage = htmlStage(settings.kind, settings.locale);
  const hast = stage.runSync(mdast) as HastRoot;
  const index = indexTree(hast);
  rewriteFragments(index.links, index.ids);
  hardenLinks(index.links, settings.kind, settings.siteUrl);
  const outline = settings.kind === "article" ? outlineHeadings(index.headings) : [];
  const headings = collectHeadings(outline);
  const plainText = extractPlainText(hast);
  addHeadingAnchors(outline);
  sizeImages(index.images);
  const words = countWords(plainText);
  return {
    html: String(stage.stringify(hast)),
    links,
    headings,
    words,
    readingMinutes: readingMinutes(words),
    plainText,
  };
}

/**
 * renderMarkdown: sanitized HTML, links, outline and text of markdown, from one parse (pure,
 * uncached, bounded by checkMarkdownBounds but not in time). It runs on the calling thread: the
 * app renders through renderMarkdownCached / renderStored, which run it in the render worker.
 */
export function renderMarkdown(source: string, options: RenderKind | RenderOptions = {}): Rendered {
  const settings = resolveOptions(options);
  const { mdast, links } = parseMarkdown(source, settings.kind);
  return finishRender(mdast, links, settings);
}
