import type { PluggableList } from "unified";
import { env, siteUrl } from "../env.js";

/** "article": the full pipeline; "comment": the restricted subset used for comments and bios. */
export type RenderKind = "article" | "comment";

export type RenderOptions = {
  /** Which pipeline to use (default "article"). */
  kind?: RenderKind;
  /** French spacing (no-break spaces before ; ! ? : » and after «), a per-blog setting. */
  frenchTypography?: boolean;
  /**
   * Extra remark plugins, run on the markdown syntax tree after remark-gfm and before French
   * typography and conversion to HTML (e.g. mentions turning `@Name` into `/u/<handle>` links).
   * They must be tree transforms: the source is already parsed, so syntax extensions do not apply.
   * Their output is sanitized like everything else (links may carry `class="mention"` and
   * `data-user-id`). With the render cache, plugin options must be plain JSON to be cached.
   */
  remarkPlugins?: PluggableList;
  /** Language of the labels the pipeline writes (footnotes heading, back links); default DEFAULT_LOCALE. */
  locale?: "fr" | "en";
  /** Public URL of the instance: http(s) links to any other host are external. Default NEXTAUTH_URL. */
  siteUrl?: string;
};

export type Heading = { depth: number; id: string; text: string };

export type Rendered = {
  /** Sanitized HTML. */
  html: string;
  /** The URLs the author linked to (http(s) or relative), from the syntax tree, in order, once each. */
  links: string[];
  /** Article headings (h2–h6, after demoting h1) with their final DOM ids, for a table of contents. */
  headings: Heading[];
  /** Word count of `plainText`. */
  words: number;
  /** ceil(words / 230), at least 1. */
  readingMinutes: number;
  /** Text content without markup (blocks separated by newlines), for search indexing and excerpts. */
  plainText: string;
};

export type ResolvedOptions = Required<Omit<RenderOptions, "remarkPlugins">> & { remarkPlugins: PluggableList };

/** resolveOptions: the options with their defaults; a bare kind string is accepted for brevity. */
export function resolveOptions(options: RenderKind | RenderOptions = {}): ResolvedOptions {
  const given = typeof options === "string" ? { kind: options } : options;
  return {
    kind: given.kind ?? "article",
    frenchTypography: given.frenchTypography ?? false,
    remarkPlugins: given.remarkPlugins ?? [],
    locale: given.locale ?? env.DEFAULT_LOCALE,
    siteUrl: given.siteUrl ?? siteUrl(),
  };
}
