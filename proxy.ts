import { NextResponse, type NextRequest } from "next/server";
import { WEBMENTION_LINK_HEADER } from "@/lib/links/webmention/endpoint";
import {
  BYPASS_HEADER,
  cacheablePage,
  isArticlePath,
  pageScope,
  postScope,
  SCOPE_HEADER,
} from "@/lib/page-cache/policy";
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

// A deleted article answers 410 Gone with a short page that leads the reader on.
async function gone(request: NextRequest): Promise<NextResponse | null> {
  const path = request.nextUrl.pathname;
  if (request.method !== "GET" || !/^\/[a-z0-9-]+\/[a-z0-9-]+\/?$/.test(path)) return null;
  const { isRemovedArticlePath } = await import("@/lib/posts/removed");
  if (!(await isRemovedArticlePath(path))) return null;
  const blog = path.split("/")[1]!;
  const french =
    !/^en\b/i.test(request.headers.get("accept-language") ?? "") ||
    request.cookies.get("tribune_locale")?.value === "fr";
  const text = french
    ? {
        title: "Cet article a été retiré",
        body: "Son auteur l’a retiré. Le blogue et ses autres articles sont toujours là.",
        blog: "Aller au blogue",
        search: "Chercher dans le réseau",
        lang: "fr",
      }
    : {
        title: "This article was removed",
        body: "Its author took it down. The blog and its other articles are still here.",
        blog: "Go to the blog",
        search: "Search the network",
        lang: "en",
      };
  const html = `<!doctype html><html lang="${text.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>410 · ${text.title}</title><style>body{font:1.1rem/1.6 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1c1a17;background:#fbfaf7}a{color:#a13c1f}@media (prefers-color-scheme:dark){body{color:#ece8e1;background:#151418}a{color:#f0916c}}</style></head><body><p style="font-size:3rem;font-weight:800;margin:0">410</p><h1>${text.title}</h1><p>${text.body}</p><p><a href="/${blog}">${text.blog}</a> · <a href="/search">${text.search}</a></p></body></html>`;
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
  if (page.kind !== "article") {
    response.headers.set(SCOPE_HEADER, pageScope(page));
    return;
  }
  const { publicArticleId } = await import("@/lib/posts/public-id");
  const id = await publicArticleId(page.blog, page.post).catch(() => null);
  if (id) response.headers.set(SCOPE_HEADER, postScope(id));
}

export async function proxy(request: NextRequest) {
  const removed = await gone(request);
  if (removed) return removed;
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
  if (isArticlePath(request.nextUrl.pathname)) response.headers.set("Link", WEBMENTION_LINK_HEADER);
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
