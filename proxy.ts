import { NextResponse, type NextRequest } from "next/server";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { WEBMENTION_LINK_HEADER } from "@/lib/links/webmention/endpoint";
import { BYPASS_HEADER, cacheablePage, isPostPath, pageScope, postScope, SCOPE_HEADER } from "@/lib/page-cache/policy";
import { contentSecurityPolicy, isHttpsRequest } from "@/lib/security/csp";

// Next 16's middleware. It sets the two security headers that vary per request: the
// Content-Security-Policy (a fresh script nonce each time) and HSTS (HTTPS only). The headers
// that never vary (nosniff, Referrer-Policy, X-Frame-Options, Permissions-Policy) come from
// next.config.js for every path, static assets included, so they are not repeated here.
//
// Decision: nonces rather than hashes for pages rendered for this request: Next inlines
// per-render bootstrap scripts whose hashes are unknown until the page renders, so only a nonce
// allows them without 'unsafe-inline'. Pages the page cache serves again (lib/page-cache:
// article pages for anonymous readers) were rendered already: they carry the hashes of their
// inline scripts instead, since a nonce must never be sent twice.

// A deleted article answers 410 Gone with a short page that leads the reader on, in the language
// every page gets (lib/i18n/negotiate: the reader's choice, else the blog's, else the browser's).
async function gone(request: NextRequest): Promise<NextResponse | null> {
  const path = request.nextUrl.pathname;
  if (request.method !== "GET" || !/^\/[a-z0-9-]+\/[a-z0-9-]+\/?$/.test(path)) return null;
  const { removedPostAt } = await import("@/lib/posts/removed");
  const removed = await removedPostAt(path);
  if (!removed) return null;
  const [{ localeFor }, { goneHtml }] = await Promise.all([import("@/lib/i18n"), import("@/lib/posts/gone-page")]);
  const locale = localeFor(
    { cookie: request.cookies.get(LOCALE_COOKIE)?.value, acceptLanguage: request.headers.get("accept-language") },
    { blogLanguage: removed.blogLanguage },
  );
  const html = goneHtml(locale, { slug: removed.blogSlug, name: removed.blogName });
  return new NextResponse(html, {
    status: 410,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
    },
  });
}

// The page cache (lib/page-cache, in front of Next) fills itself with a request to this server;
// telling it what the page shows (an article, a blog's or a tag's list, the home page) lets it
// forget the page when that changes. An article is marked only when anyone may read it.
async function markPage(request: NextRequest, response: NextResponse): Promise<void> {
  const page = request.method === "GET" ? cacheablePage(request.nextUrl.pathname) : null;
  if (!page) return;
  if (page.kind !== "article" && page.kind !== "thread") {
    response.headers.set(SCOPE_HEADER, pageScope(page));
    return;
  }
  const { publicPostId } = await import("@/lib/posts/public-id");
  const id = await publicPostId(page.blog, page.post).catch(() => null);
  if (id) response.headers.set(SCOPE_HEADER, postScope(id));
}

// WordPress's "?p=123" address of an imported article: the page that answers "/" (or a blog's
// home) would ignore the query, so it is looked up here, and only when such a query is present.
async function oldQueryAddress(request: NextRequest): Promise<NextResponse | null> {
  const params = request.nextUrl.searchParams;
  if (request.method !== "GET" || !/^\d{1,12}$/.test(params.get("p") ?? params.get("page_id") ?? "")) return null;
  const { legacyRedirect } = await import("@/lib/import/redirect");
  const target = await legacyRedirect(request.nextUrl.pathname, request.nextUrl.search).catch(() => null);
  if (!target) return null;
  const url = request.nextUrl.clone();
  url.pathname = target;
  url.search = "";
  return NextResponse.redirect(url, 301);
}

export async function proxy(request: NextRequest) {
  const removed = await gone(request);
  if (removed) return removed;
  const moved = await oldQueryAddress(request);
  if (moved) return moved;
  const https = isHttpsRequest(request.headers.get("x-forwarded-proto"), request.nextUrl.protocol);
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy({ nonce }, https);

  // Next reads the nonce from the request's CSP header and puts it on every script it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  // The interface language of a blog's pages defaults to the blog's language (lib/i18n/request.ts).
  requestHeaders.set("x-tribune-path", request.nextUrl.pathname);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  // Webmention discovery: the HTTP Link header comes first for senders (the page has the <link> too).
  if (isPostPath(request.nextUrl.pathname)) response.headers.set("Link", WEBMENTION_LINK_HEADER);
  if (request.headers.has(BYPASS_HEADER)) await markPage(request, response);
  return response;
}

export const config = {
  matcher: [
    {
      // Static files carry no scripts to allow; router prefetches render no HTML; the API
      // answers JSON and event streams, which run nothing (its headers come from next.config.js).
      source: "/((?!_next/static|_next/image|favicon.ico|api/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
