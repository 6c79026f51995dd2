import { createHash } from "node:crypto";
import { RESERVED_BLOG_SLUGS } from "@/lib/blogs/schemas";
import { isLocale, LOCALE_COOKIE, pickLocale } from "@/lib/i18n/config";
import { isTheme, THEME_COOKIE } from "@/lib/theme/themes";

/** The request header of a cache fill (a request the server sends itself): render, never from the cache. */
export const BYPASS_HEADER = "x-tribune-page-cache";
/** The response header proxy.ts adds to a fill of a readable article: the article's id. */
export const POST_HEADER = "x-tribune-post";

/** The parts of a request the policy looks at (node's IncomingMessage has them). */
export type RequestLike = {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
};

/**
 * What a cacheable request asks for: its key (the page and its variant), the address to render
 * it from (`url`: the path, with `?_rsc=` for a refresh) and whether it is the HTML page or the
 * RSC payload a client-side refresh (the live "show new comments") asks for.
 */
export type CacheableRequest = { key: string; url: string; https: boolean; kind: "html" | "rsc" };

/** ARTICLE_PATH: /blog/article, the only pages the cache keeps. */
export const ARTICLE_PATH = /^\/([a-z0-9-]{1,80})\/([a-z0-9-]{1,200})$/;
// Signed-in readers see their own page (forms, likes, moderation): never from the cache.
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;
// Next renders metadata differently for crawlers (blocking rather than streamed).
const BOT = /bot|crawl|spider|slurp|facebookexternalhit|embedly|preview|lighthouse|validator/i;

const header = (request: RequestLike, name: string): string => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? "");
};

/** cookiesOf: a Cookie header's name=value pairs (values left as sent). */
export function cookiesOf(cookieHeader: string): { name: string; value: string }[] {
  return cookieHeader
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf("=");
      return at < 0 ? { name: part, value: "" } : { name: part.slice(0, at), value: part.slice(at + 1) };
    });
}

/** isArticlePath: "/blog/article" outside the app's own top-level routes. */
export function isArticlePath(path: string): boolean {
  const match = ARTICLE_PATH.exec(path);
  return Boolean(match && !RESERVED_BLOG_SLUGS.has(match[1]!));
}

/**
 * cacheableRequest: whether the page cache may answer this request, and under which key. Only an
 * anonymous GET of an article address, without query string (sorting, open forms, notices) and
 * not a client navigation (RSC) or prefetch. The key holds everything the page varies by: the
 * host and scheme (absolute links, upgrade-insecure-requests), the interface language (cookie or
 * browser), the theme cookie and whether the client is a crawler.
 */
export function cacheableRequest(request: RequestLike, https: boolean): CacheableRequest | null {
  if (request.method !== "GET" || !request.url) return null;
  const [path = "", query] = request.url.split("?", 2);
  if (!isArticlePath(path)) return null;
  // A refresh of the page in the browser (router.refresh(): the live "show new comments")
  // asks for its RSC payload, with a cache-busting ?_rsc= and the client's router state.
  const rsc = header(request, "rsc") === "1";
  if (query !== undefined && !(rsc && /^_rsc=[\w-]{1,40}$/.test(query))) return null;
  if (header(request, BYPASS_HEADER) || header(request, "next-router-prefetch")) return null;
  if (header(request, "next-router-segment-prefetch") || header(request, "next-action")) return null;
  const cookies = cookiesOf(header(request, "cookie"));
  if (cookies.some((cookie) => SESSION_COOKIE.test(cookie.name))) return null;
  const cookie = (name: string) => cookies.find((c) => c.name === name)?.value;
  const locale = cookie(LOCALE_COOKIE);
  const theme = cookie(THEME_COOKIE);
  const variant = [
    (header(request, "x-forwarded-host") || header(request, "host")).toLowerCase().slice(0, 100),
    https ? "https" : "http",
    isLocale(locale) ? locale : "-",
    pickLocale(header(request, "accept-language")) ?? "-",
    isTheme(theme) ? theme : "-",
    BOT.test(header(request, "user-agent")) ? "bot" : "browser",
  ];
  if (rsc) {
    // The payload depends on what the client already shows (its router state) and where from.
    const state = `${header(request, "next-router-state-tree")}|${header(request, "next-url")}`;
    variant.push(`rsc:${createHash("sha256").update(state).digest("base64url").slice(0, 22)}`);
  }
  return { key: `${path}|${variant.join("|")}`, url: request.url, https, kind: rsc ? "rsc" : "html" };
}

/** fillHeaders: the request headers a cache fill forwards, so that it renders the same variant. */
export function fillHeaders(request: RequestLike): Record<string, string> {
  const forwarded: Record<string, string> = { [BYPASS_HEADER]: "fill", "accept-encoding": "identity" };
  for (const name of [
    "host",
    "x-forwarded-host",
    "x-forwarded-proto",
    "x-forwarded-for",
    "accept-language",
    "user-agent",
    "rsc",
    "next-router-state-tree",
    "next-url",
  ]) {
    const value = header(request, name);
    if (value) forwarded[name] = value;
  }
  // Only the cookies the page varies by; anything else could personalise it.
  const cookie = cookiesOf(header(request, "cookie"))
    .filter((c) => c.name === LOCALE_COOKIE || c.name === THEME_COOKIE)
    .map((c) => `${c.name}=${c.value}`)
    .join("; ");
  if (cookie) forwarded.cookie = cookie;
  return forwarded;
}
