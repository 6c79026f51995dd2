/** renderMarkdown: markdown → sanitized HTML, links, headings, plain text and reading time, on the calling thread (tests, the worker); the app uses the pooled functions below. */
export { renderMarkdown } from "./render";
/** renderMarkdownCached: the pipeline in the render worker (bounded in nesting and time), through a 500-entry in-process LRU. */
export { renderMarkdownCached } from "./cache";
/** renderStored: HTML for a bodyHtml column (rendered in the worker), prefixed with `<!--tribune-render:v<N> <fingerprint>-->`. */
export { renderStored, storedHtml } from "./cache";
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
/** renderPool / RenderPool: the worker threads that render under a time limit; renderPool().render(source, options, { resolveMentions }) renders a comment with its mentions from one parse. */
export { renderPool, RenderPool } from "./pool";
/** checkMarkdownBounds / markdownBounds: the linear pre-parse check (length, nesting of containers, brackets and tags). */
export { checkMarkdownBounds } from "./limits";
/** applyFrenchSpacing: French no-break spaces in a plain string (titles, excerpts), as the pipeline applies them. */
export { applyFrenchSpacing } from "./typography";
/** blogRenderOptions / BlogRendering: the pipeline options a blog's settings give its articles and comments (French typography, label language). */
export { blogRenderOptions, BLOG_RENDER_JOB, type BlogRendering } from "./settings";
/** typesetPlain: a blog's plain text (titles, excerpts) with the spacing its articles get (French typography). */
export { typesetPlain } from "./settings";
/** RenderOptions, Rendered, RenderKind, Heading: the pipeline's option and result types. */
export type { Heading, RenderKind, RenderOptions, Rendered } from "./types";
/** excerptFromHtml: stored HTML as a one-line plain-text excerpt (notices, lists). */
export { excerptFromHtml } from "./sanitize-html";
