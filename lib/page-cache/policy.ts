import { createHash } from "node:crypto";
import { z } from "zod";
import { RESERVED_BLOG_SLUGS } from "@/lib/blogs/schemas";
import { ThreadSortSchema } from "@/lib/comments/schemas";
import { getBotType } from "next/dist/shared/lib/router/utils/is-bot";
import { LOCALE_COOKIE, locales, type Locale } from "@/lib/i18n/config";
import { parseLocaleChoice } from "@/lib/i18n/negotiate";
import { isSessionCookieName, readCredentials } from "@/lib/security/credentials";
import { isTheme, THEME_COOKIE, type Theme } from "@/lib/theme/themes";

/** The request header of a cache fill (a request the server sends itself): render, never from the cache. */
export const BYPASS_HEADER = "x-tribune-page-cache";
/**
 * The response header proxy.ts adds to a fill of a page anyone may read: what it shows, as change
 * scopes separated by spaces (pageScope). The cache keeps only pages that carry it.
 */
export const SCOPE_HEADER = "x-tribune-scope";

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
export type CacheableRequest = {
  key: string;
  url: string;
  https: boolean;
  kind: "html" | "rsc" | "fragment";
  /** The member shell (shellRequest): the page as any signed-in reader sees it, without anyone's name in it. */
  member?: { locale: Locale | null };
};

/**
 * The request header that asks for the member shell of a page: the page as every signed-in
 * reader gets it before their personal layer (lib/personal) is added. Its value is
 * memberShellToken(), so that only this server asks for it; a shell holds nothing personal
 * anyway (it renders without a session), and every action in it checks the real session.
 */
export const AUDIENCE_HEADER = "x-tribune-audience";

/** memberShellToken: the value of AUDIENCE_HEADER, derived from the instance's secret (every worker and instance agrees on it). */
export function memberShellToken(secret: string | undefined): string {
  return createHash("sha256")
    .update(`tribune member shell\0${secret ?? ""}`)
    .digest("base64url")
    .slice(0, 32);
}

/** ARTICLE_PATH: /blog/article. */
const ARTICLE_PATH = /^\/([a-z0-9-]{1,80})\/([a-z0-9-]{1,200})$/;
const BLOG_PATH = /^\/([a-z0-9-]{1,80})$/;
const TAG_PATH = /^\/tags\/([a-z0-9-]{1,80})$/;
/** THREAD_PATH: /blog/article/thread, one page of the article's shared discussion (an HTML fragment). */
const THREAD_PATH = /^\/([a-z0-9-]{1,80})\/([a-z0-9-]{1,200})\/thread$/;

/**
 * CacheablePage: the pages the cache keeps, read from the path alone: the home page, a blog's
 * home, a tag's page and an article (their first page: any query string is refused before).
 */
export type CacheablePage =
  | { kind: "home" }
  | { kind: "blog"; blog: string }
  | { kind: "tag"; tag: string }
  | { kind: "article"; blog: string; post: string }
  | { kind: "thread"; blog: string; post: string };

const header = (request: RequestLike, name: string): string => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? "");
};

/**
 * parseCookies: a Cookie header read as the render reads it (Next's cookies(), from
 * @edge-runtime/cookies): pairs split on ";" and the spaces after it, names taken as sent, values
 * percent-decoded, a value that does not decode skipped, and the LAST of duplicated names kept.
 */
export function parseCookies(cookieHeader: string): Map<string, string> {
  const cookies = new Map<string, string>();
  // A header's value comes without its outer spaces (Node's parser, the Headers class).
  for (const pair of cookieHeader.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "").split(/; */)) {
    if (!pair) continue;
    const at = pair.indexOf("=");
    if (at < 0) {
      cookies.set(pair, "true");
      continue;
    }
    try {
      cookies.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1)));
    } catch {
      // Next skips it too: an earlier value of the same name stands.
    }
  }
  return cookies;
}

/**
 * hasSession (signed-in readers see their own page — forms, likes, moderation — never one from
 * the cache): any cookie that looks like a next-auth session, however it is spelled (names
 * trimmed, values not decoded): a reader who might be signed in never shares a page.
 */
function hasSession(cookieHeader: string): boolean {
  return cookieHeader.split(";").some((pair) => isSessionCookieName(pair.split("=", 1)[0]!));
}

/**
 * carriesCredentials: the request could act as someone, as the shared credentials parser reads
 * it: a next-auth session cookie or a bearer token (validity is not checked here). The page
 * cache counts only such requests as writes in progress (http.ts, "Writes first").
 */
export function carriesCredentials(request: RequestLike): boolean {
  const headers = new Headers();
  for (const name of ["cookie", "authorization"]) {
    if (request.headers[name] !== undefined) headers.set(name, header(request, name));
  }
  // An unusable Authorization header is refused with 401 before anything is written.
  const { kind } = readCredentials(headers);
  return kind === "bearer" || kind === "session";
}

/** isPostPath: "/blog/article" outside the app's own top-level routes. */
export function isPostPath(path: string): boolean {
  const match = ARTICLE_PATH.exec(path);
  return Boolean(match && !RESERVED_BLOG_SLUGS.has(match[1]!));
}

/** cacheablePage: which cacheable page a path is (lower-case slugs only, outside the app's own routes), or null. */
export function cacheablePage(path: string): CacheablePage | null {
  if (path === "/") return { kind: "home" };
  const tag = TAG_PATH.exec(path);
  if (tag) return { kind: "tag", tag: tag[1]! };
  const blog = BLOG_PATH.exec(path);
  if (blog) return RESERVED_BLOG_SLUGS.has(blog[1]!) ? null : { kind: "blog", blog: blog[1]! };
  const article = ARTICLE_PATH.exec(path);
  if (article && !RESERVED_BLOG_SLUGS.has(article[1]!))
    return { kind: "article", blog: article[1]!, post: article[2]! };
  const thread = THREAD_PATH.exec(path);
  if (thread && !RESERVED_BLOG_SLUGS.has(thread[1]!)) return { kind: "thread", blog: thread[1]!, post: thread[2]! };
  return null;
}

/**
 * pageScope: the change scope of a list page (pagesChanged bumps it): "home", "blog:<slug>",
 * "tag:<slug>". An article's scope is "post:<id>", its id looked up when it is filled.
 */
export function pageScope(page: Exclude<CacheablePage, { kind: "article" | "thread" }>): string {
  if (page.kind === "home") return "home";
  return page.kind === "blog" ? `blog:${page.blog}` : `tag:${page.tag}`;
}

/** postScope: the change scope of an article's page. */
export const postScope = (postId: string) => `post:${postId}`;

// ─── Variants ───────────────────────────────────────────────────────────────────────────────
// THE RULE for everything a cached page varies by (and for every variant added later):
//  1. The request is read ONCE, here (variantOf), into normalised values: a value the render
//     would not accept (an unknown theme, "EN", junk, a cookie that does not decode) becomes
//     null, and cookies are parsed as Next parses them (parseCookies: decoded, last one wins).
//  2. The key is built from those values only (cacheableRequest).
//  3. The render that is kept (the fill) receives those values only, written out canonically
//     (fillHeaders): never the reader's own header. What the render sees is then a function of
//     the key, and a request cannot make a page that is kept under another reader's key.
//  4. Each variant has rows in the table test of tests/unit/page-cache.test.ts ("every variant:
//     the key's value is what the render reads from the fill"), encoded, duplicated, case-changed
//     and junk inputs included.

/** The crawler classes Next renders differently (metadata blocking in the HTML, or streamed). */
type Crawler = "dom" | "html";
// One user agent per class, so that Next classifies the fill exactly as the key did.
const CRAWLER_AGENTS: Record<Crawler | "browser", string> = {
  dom: "Mozilla/5.0 (compatible; Googlebot/2.1)",
  html: "Mozilla/5.0 (compatible; Bingbot/2.0)",
  browser: "Mozilla/5.0",
};

/** Variant: everything a cacheable page's render depends on besides its address and the data. */
export type Variant = {
  /** The host the page is for (X-Forwarded-Host, else Host), lower case. */
  host: string;
  https: boolean;
  /** The interface language the reader chose (cookie). */
  locale: Locale | null;
  /** The browser's first supported language (Accept-Language), used when no cookie chose one. */
  browserLocale: Locale | null;
  /** The reader's theme (cookie); null is the default. */
  theme: Theme | null;
  /** Next's crawler class for the user agent (lib: next's getBotType), null for a browser. */
  crawler: Crawler | null;
};

/** variantOf: the normalised variant of a request (see THE RULE above). */
export function variantOf(request: RequestLike, https: boolean): Variant {
  const cookies = parseCookies(header(request, "cookie"));
  // The same parse as the render's (lib/i18n/request.ts); no account: the cache serves anonymous readers only.
  const choice = parseLocaleChoice({
    cookie: cookies.get(LOCALE_COOKIE),
    acceptLanguage: header(request, "accept-language"),
  });
  const theme = cookies.get(THEME_COOKIE);
  return {
    host: (header(request, "x-forwarded-host") || header(request, "host")).toLowerCase().slice(0, 100),
    https,
    locale: choice.chosen,
    browserLocale: choice.browser,
    theme: isTheme(theme) ? theme : null,
    crawler: getBotType(header(request, "user-agent")) ?? null,
  };
}

/**
 * cacheableRequest: whether the page cache may answer this request, and under which key. Only an
 * anonymous GET of a cacheable page (cacheablePage), without query string (sorting, open forms,
 * notices, later pages of a list) and not a client navigation (RSC) or prefetch. The key holds the path and the request's Variant;
 * the fill renders from the same Variant (fillHeaders).
 */
export function cacheableRequest(request: RequestLike, https: boolean): CacheableRequest | null {
  if (request.method !== "GET" || !request.url) return null;
  const [path = "", query] = request.url.split("?", 2);
  const page = cacheablePage(path);
  if (!page) return null;
  if (page.kind === "thread") return threadRequest(request, path, query, https);
  // A refresh of the page in the browser (router.refresh(): the live "show new comments")
  // asks for its RSC payload, with a cache-busting ?_rsc= and the client's router state.
  const rsc = header(request, "rsc") === "1";
  if (query !== undefined && !(rsc && /^_rsc=[\w-]{1,40}$/.test(query))) return null;
  if (header(request, BYPASS_HEADER) || header(request, "next-router-prefetch")) return null;
  if (header(request, "next-router-segment-prefetch") || header(request, "next-action")) return null;
  if (hasSession(header(request, "cookie"))) return null;
  const variant = variantOf(request, https);
  const parts = [
    variant.host,
    variant.https ? "https" : "http",
    variant.locale ?? "-",
    variant.browserLocale ?? "-",
    variant.theme ?? "-",
    variant.crawler ?? "browser",
  ];
  if (rsc) {
    // The payload depends on what the client already shows (its router state) and where from;
    // both are passed on to the fill as they are, so the key holds them whole (unambiguously).
    const state = JSON.stringify([header(request, "next-router-state-tree"), header(request, "next-url")]);
    parts.push(`rsc:${createHash("sha256").update(state).digest("base64url").slice(0, 22)}`);
  }
  return { key: `${path}|${parts.join("|")}`, url: request.url, https, kind: rsc ? "rsc" : "html" };
}

/**
 * shellRequest: the member shell of an article for a signed-in reader whose personal layer says
 * it may be shared (lib/personal): the key of the anonymous page's variant, its language replaced
 * by the one the reader's account chose (`accountLocale`, read by the server from the session,
 * never from a header), and marked "member". Only a plain GET of the page, as for the anonymous cache.
 */
export function shellRequest(
  request: RequestLike,
  https: boolean,
  accountLocale: Locale | null,
): CacheableRequest | null {
  if (request.method !== "GET" || !request.url || request.url.includes("?")) return null;
  const page = cacheablePage(request.url);
  if (page?.kind !== "article") return null;
  if (header(request, "rsc") || header(request, "next-router-prefetch") || header(request, "next-action")) return null;
  const variant = variantOf(request, https);
  const locale = accountLocale ?? variant.locale;
  const parts = [
    variant.host,
    variant.https ? "https" : "http",
    locale ?? "-",
    variant.browserLocale ?? "-",
    variant.theme ?? "-",
    variant.crawler ?? "browser",
    "member",
  ];
  return { key: `${request.url}|${parts.join("|")}`, url: request.url, https, kind: "html", member: { locale } };
}

/** ThreadQuerySchema: what a thread fragment varies by, besides its article: page, order, language. */
export const ThreadQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000),
  sort: ThreadSortSchema,
  locale: z.enum(locales),
});
export type ThreadQuery = z.infer<typeof ThreadQuerySchema>;

/** threadFragmentUrl: the canonical address of a thread fragment (the only one the cache keeps). */
export const threadFragmentUrl = (articlePath: string, { page, sort, locale }: ThreadQuery) =>
  `${articlePath}/thread?page=${page}&sort=${sort}&locale=${locale}`;

/**
 * threadRequest: a thread fragment is the same for every reader, signed in or not (its route
 * never reads the session): its key is the host, the scheme and its query read by
 * ThreadQuerySchema, and the fill asks for the canonical address, so an unusual spelling of a
 * query never makes a fragment kept under another key. Anything else in the query is refused.
 */
function threadRequest(request: RequestLike, path: string, query: string | undefined, https: boolean) {
  if (header(request, BYPASS_HEADER) || header(request, "rsc") || header(request, "next-router-prefetch")) return null;
  const params = new URLSearchParams(query ?? "");
  if ([...params.keys()].some((name) => !["page", "sort", "locale"].includes(name))) return null;
  const parsed = ThreadQuerySchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) return null;
  const url = threadFragmentUrl(path.slice(0, -"/thread".length), parsed.data);
  const host = (header(request, "x-forwarded-host") || header(request, "host")).toLowerCase().slice(0, 100);
  return { key: `${url}|${host}|${https ? "https" : "http"}|fragment`, url, https, kind: "fragment" as const };
}

/**
 * fillHeaders: the request headers of a cache fill: the request's Variant written out
 * canonically (one cookie of each kind at most, the negotiated language, a user agent of the
 * crawler class), never the reader's own values, so that the render sees exactly what the key holds.
 */
export function fillHeaders(
  request: RequestLike,
  https: boolean,
  kind: CacheableRequest["kind"] = "html",
  member?: CacheableRequest["member"],
): Record<string, string> {
  const variant = variantOf(request, https);
  if (member) {
    variant.locale = member.locale;
  }
  const forwarded: Record<string, string> = {
    [BYPASS_HEADER]: "fill",
    "accept-encoding": "identity",
    "x-forwarded-proto": variant.https ? "https" : "http",
    "user-agent": CRAWLER_AGENTS[variant.crawler ?? "browser"],
  };
  if (variant.host) forwarded.host = forwarded["x-forwarded-host"] = variant.host;
  // A fragment depends on its address only (its language is in the query).
  if (kind === "fragment") return forwarded;
  if (variant.browserLocale) forwarded["accept-language"] = variant.browserLocale;
  const cookies = [
    variant.locale && `${LOCALE_COOKIE}=${variant.locale}`,
    variant.theme && `${THEME_COOKIE}=${variant.theme}`,
  ].filter(Boolean);
  if (cookies.length) forwarded.cookie = cookies.join("; ");
  if (member) forwarded[AUDIENCE_HEADER] = memberShellToken(process.env.NEXTAUTH_SECRET);
  if (header(request, "rsc") === "1" && !member) {
    forwarded.rsc = "1";
    for (const name of ["next-router-state-tree", "next-url"]) {
      const value = header(request, name);
      if (value) forwarded[name] = value;
    }
  }
  return forwarded;
}
