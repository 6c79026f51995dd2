import { createHash } from "node:crypto";
import type { Pluggable, PluggableList } from "unified";
import { renderMarkdown } from "./render";
import { resolveOptions, type RenderKind, type RenderOptions, type Rendered } from "./types";

// Bump whenever the pipeline's output changes (a plugin, the schema, a label): stored HTML
// marked with an older version is re-rendered by ensureFreshHtml. v1 was the unmarked pipeline.
export const RENDER_VERSION = 2;

// Stored HTML starts with `<!--tribune-render:v<N> <fingerprint>-->`: the pipeline version, and
// 16 hex digits of the SHA-256 of the source and the options that change the output, so a
// caller can tell from the stored HTML alone whether it still matches the source.
const MARKER = /^<!--tribune-render:v(\d+) ([0-9a-f]{16})-->/;
const LRU_SIZE = 500;

const lru = new Map<string, Rendered>();
const pluginIds = new WeakMap<object, number>();
let nextPluginId = 1;

/** fingerprint: stable across processes; remark plugins are not part of it (see RenderOptions). */
function fingerprint(source: string, options: RenderKind | RenderOptions): string {
  return sha256(outputInputs(source, options)).slice(0, 16);
}

/** outputInputs: JSON of the source and every option that changes the output, plugins aside. */
function outputInputs(source: string, options: RenderKind | RenderOptions): string {
  const { kind, frenchTypography, locale, siteUrl } = resolveOptions(options);
  return JSON.stringify([source, kind, frenchTypography, locale, siteUrl]);
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** plainJson: JSON of plugin options, throwing on anything whose identity JSON would lose (Map, class, function). */
function plainJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === "function") throw new TypeError("function");
    if (item && typeof item === "object" && !Array.isArray(item)) {
      const proto = Object.getPrototypeOf(item);
      if (proto !== Object.prototype && proto !== null) throw new TypeError("not plain");
    }
    return item;
  });
}

/** pluginsKey: identifies plugins (by function identity, in this process) and their options, or null if uncacheable. */
function pluginsKey(plugins: PluggableList): string | null {
  const idOf = (plugin: object) => {
    if (!pluginIds.has(plugin)) pluginIds.set(plugin, nextPluginId++);
    return pluginIds.get(plugin)!;
  };
  const describe = (entry: Pluggable): unknown => {
    if (typeof entry === "function") return idOf(entry);
    if (Array.isArray(entry)) return [idOf(entry[0] as object), plainJson(entry.slice(1))];
    return [describeList(entry.plugins ?? []), plainJson(entry.settings ?? null)];
  };
  const describeList = (list: PluggableList): unknown[] => list.map(describe);
  try {
    return JSON.stringify(describeList(plugins));
  } catch {
    return null;
  }
}

function copy(rendered: Rendered): Rendered {
  return { ...rendered, links: [...rendered.links], headings: rendered.headings.map((h) => ({ ...h })) };
}

/** renderMarkdownCached: renderMarkdown through an in-process LRU (500 entries) keyed by SHA-256 of source and options. */
export function renderMarkdownCached(source: string, options: RenderKind | RenderOptions = {}): Rendered {
  const plugins = pluginsKey(resolveOptions(options).remarkPlugins);
  if (plugins === null) return renderMarkdown(source, options);
  const key = sha256(`${RENDER_VERSION}\n${plugins}\n${outputInputs(source, options)}`);
  const hit = lru.get(key);
  if (hit) {
    lru.delete(key);
    lru.set(key, hit);
    return copy(hit);
  }
  const rendered = renderMarkdown(source, options);
  lru.set(key, copy(rendered));
  if (lru.size > LRU_SIZE) lru.delete(lru.keys().next().value!);
  return rendered;
}

/** clearRenderCache: empties the in-process LRU (tests, benchmarks). */
export function clearRenderCache(): void {
  lru.clear();
}

/** renderStored: the HTML to store in a bodyHtml column, prefixed with the version-and-source marker. */
export function renderStored(source: string, options: RenderKind | RenderOptions = {}): string {
  const { html } = renderMarkdownCached(source, options);
  return `<!--tribune-render:v${RENDER_VERSION} ${fingerprint(source, options)}-->${html}`;
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
export function ensureFreshHtml(
  source: string,
  html: string | null | undefined,
  options: RenderKind | RenderOptions = {},
): { html: string; changed: boolean } {
  const marker = html ? MARKER.exec(html) : null;
  if (html && marker && !isStale(html) && marker[2] === fingerprint(source, options)) return { html, changed: false };
  return { html: renderStored(source, options), changed: true };
}
