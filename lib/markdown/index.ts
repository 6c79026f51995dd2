/** renderMarkdown: markdown → sanitized HTML, links, headings, plain text and reading time (article or comment subset); pure, uncached. */
export { renderMarkdown } from "./render";
/** renderMarkdownCached: renderMarkdown through a 500-entry in-process LRU (the editor's live preview). */
export { renderMarkdownCached } from "./cache";
/** renderStored: HTML for a bodyHtml column, prefixed with `<!--tribune-render:v<N> <fingerprint>-->`. */
export { renderStored } from "./cache";
/** ensureFreshHtml: stored HTML if it matches the source, options and pipeline version, else re-rendered with changed: true. */
export { ensureFreshHtml } from "./cache";
/** isStale: true when stored HTML has no marker or an older RENDER_VERSION. */
export { isStale } from "./cache";
/** stripRenderMarker: stored HTML without its leading marker comment. */
export { stripRenderMarker } from "./cache";
/** clearRenderCache: empties the in-process render cache. */
export { clearRenderCache } from "./cache";
/** RENDER_VERSION: the pipeline's output version; bumping it makes every stored HTML stale. */
export { RENDER_VERSION } from "./cache";
/** applyFrenchSpacing: French no-break spaces in a plain string (titles, excerpts), as the pipeline applies them. */
export { applyFrenchSpacing } from "./typography";
/** RenderOptions, Rendered, RenderKind, Heading: the pipeline's option and result types. */
export type { Heading, RenderKind, RenderOptions, Rendered } from "./types";
