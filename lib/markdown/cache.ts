import { createHash } from "node:crypto";
import { renderPool, type PoolRenderOptions } from "./pool";
import { resolveOptions, type RenderKind, type Rendered } from "./types";

// Bump whenever the pipeline's output changes (a plugin, the schema, a label): stored HTML
// marked with an older version is re-rendered by ensureFreshHtml, and rows whose renderVersion
// column is older are re-rendered at start (scripts/rerender.ts). v1 was the unmarked pipeline;
// v3: comments and imported articles follow their blog's typography, headings and reading time
// are stored with the HTML; v4: a mention reads "@" + the person's display name, whatever was
// typed (the handle, another case, a first name).
export const RENDER_VERSION = 4;

// Stored HTML starts with `<!--tribune-render:v<N> <fingerprint>-->`: the pipeline version, and
// 16 hex digits of the SHA-256 of the source and the options that change the output, so a
// caller can tell from the stored HTML alone whether it still matches the source.
const MARKER = /^<!--tribune-render:v(\d+) ([0-9a-f]{16})-->/;
const LRU_SIZE = 500;

const lru = new Map<string, Rendered>();

/** fingerprint: stable across processes. */
function fingerprint(source: string, options: RenderKind | PoolRenderOptions): string {
  return sha256(outputInputs(source, options)).slice(0, 16);
}

/** outputInputs: JSON of the source and every option that changes the output. */
function outputInputs(source: string, options: RenderKind | PoolRenderOptions): string {
  const { kind, frenchTypography, locale, siteUrl } = resolveOptions(options);
  return JSON.stringify([source, kind, frenchTypography, locale, siteUrl]);
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function copy(rendered: Rendered): Rendered {
  return { ...rendered, links: [...rendered.links], headings: rendered.headings.map((h) => ({ ...h })) };
}

/**
 * renderMarkdownCached: the pipeline's output, from an in-process LRU (500 entries, keyed by the
 * SHA-256 of source and options) or else from the render worker (bounded in nesting and time:
 * INVALID_INPUT validation.markdownToo… when refused).
 */
export async function renderMarkdownCached(
  source: string,
  options: RenderKind | PoolRenderOptions = {},
): Promise<Rendered> {
  const key = sha256(`${RENDER_VERSION}\n${outputInputs(source, options)}`);
  const hit = lru.get(key);
  if (hit) {
    lru.delete(key);
    lru.set(key, hit);
    return copy(hit);
  }
  const rendered = await renderPool().render(source, options);
  lru.set(key, copy(rendered));
  if (lru.size > LRU_SIZE) lru.delete(lru.keys().next().value!);
  return rendered;
}

/** clearRenderCache: empties the in-process LRU (tests, benchmarks). */
export function clearRenderCache(): void {
  lru.clear();
}

/** storedHtml: rendered HTML prefixed with the version-and-source marker, for a bodyHtml column. */
export function storedHtml(html: string, source: string, options: RenderKind | PoolRenderOptions = {}): string {
  return `<!--tribune-render:v${RENDER_VERSION} ${fingerprint(source, options)}-->${html}`;
}

/** renderStored: the HTML to store in a bodyHtml column, prefixed with the version-and-source marker. */
export async function renderStored(source: string, options: RenderKind | PoolRenderOptions = {}): Promise<string> {
  const { html } = await renderMarkdownCached(source, options);
  return storedHtml(html, source, options);
}

/** isStale: whether stored HTML lacks the marker or came from an older pipeline version. */
export function isStale(html: string): boolean {
  const marker = MARKER.exec(html);
  return !marker || Number(marker[1]) < RENDER_VERSION;
}

/** stripRenderMarker: stored HTML without its marker comment (feeds, API output). */
export function stripRenderMarker(html: string): string {
  return html.replace(MARKER, "");
}

/**
 * ensureFreshHtml: the stored HTML if it is current for this source and these options, else a
 * fresh renderStored (changed: true, so the caller writes it back).
 */
export async function ensureFreshHtml(
  source: string,
  html: string | null | undefined,
  options: RenderKind | PoolRenderOptions = {},
): Promise<{ html: string; changed: boolean }> {
  const marker = html ? MARKER.exec(html) : null;
  if (html && marker && !isStale(html) && marker[2] === fingerprint(source, options)) return { html, changed: false };
  return { html: await renderStored(source, options), changed: true };
}
