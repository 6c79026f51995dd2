import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { beforeEach, test } from "node:test";
import { cacheableRequest, fillHeaders, isArticlePath } from "@/lib/page-cache/policy";
import { bump, clear, lookup, snapshot, stats, store, MAX_BYTES, type CachedPage } from "@/lib/page-cache/store";
import { contentSecurityPolicy, inlineScriptHashes } from "@/lib/security/csp";

const ARTICLE = "/carnet-de-josee/fermer-les-commentaires";
const get = (url: string, headers: Record<string, string> = {}, method = "GET") => ({
  method,
  url,
  headers: { host: "tribune.example", ...headers },
});

test("only anonymous GETs of an article address, without query string, are cacheable", () => {
  assert.ok(cacheableRequest(get(ARTICLE), false));
  const refused: [string, ReturnType<typeof get>][] = [
    ["a signed-in reader", get(ARTICLE, { cookie: "tribune_theme=dark; next-auth.session-token=abc" })],
    ["a signed-in reader over HTTPS", get(ARTICLE, { cookie: "__Secure-next-auth.session-token=abc" })],
    ["a chunked session cookie", get(ARTICLE, { cookie: "next-auth.session-token.0=abc" })],
    ["a POST (server action)", get(ARTICLE, {}, "POST")],
    ["a HEAD", get(ARTICLE, {}, "HEAD")],
    ["a sorted thread", get(`${ARTICLE}?sort=newest`)],
    ["an open reply form", get(`${ARTICLE}?reply=c1`)],
    ["a prefetch", get(ARTICLE, { rsc: "1", "next-router-prefetch": "1" })],
    ["a segment prefetch", get(ARTICLE, { rsc: "1", "next-router-segment-prefetch": "/_tree" })],
    ["a server action", get(`${ARTICLE}?_rsc=abc`, { rsc: "1", "next-action": "x" }, "POST")],
    ["an RSC request with other parameters", get(`${ARTICLE}?_rsc=abc&sort=newest`, { rsc: "1" })],
    ["a cache-busting parameter without RSC", get(`${ARTICLE}?_rsc=abc`)],
    ["the cache's own fill", get(ARTICLE, { "x-tribune-page-cache": "fill" })],
    ["the home page", get("/")],
    ["a blog's home", get("/carnet-de-josee")],
    ["a profile", get("/u/josee")],
    ["the writing desk", get("/write/carnet-de-josee")],
    ["the API", get("/api/health")],
    ["a comment's own page", get(`${ARTICLE}/comments/c1`)],
    ["a trailing slash", get(`${ARTICLE}/`)],
  ];
  for (const [name, request] of refused) assert.equal(cacheableRequest(request, false), null, name);
  assert.equal(isArticlePath("/tags/debat"), false);
  assert.equal(isArticlePath(ARTICLE), true);
});

test("a client-side refresh (RSC) is cacheable apart from the page, per router state", () => {
  const page = cacheableRequest(get(ARTICLE), false)!;
  const refresh = (tree: string) =>
    cacheableRequest(get(`${ARTICLE}?_rsc=1x2y`, { rsc: "1", "next-router-state-tree": tree }), false)!;
  assert.equal(page.kind, "html");
  assert.equal(refresh("a").kind, "rsc");
  assert.equal(refresh("a").url, `${ARTICLE}?_rsc=1x2y`);
  assert.notEqual(refresh("a").key, page.key);
  assert.equal(refresh("a").key, refresh("a").key);
  assert.notEqual(refresh("a").key, refresh("b").key, "what the client shows changes the payload");
  assert.equal(fillHeaders(get(ARTICLE, { rsc: "1", "next-router-state-tree": "a" }))["next-router-state-tree"], "a");
});

test("the key tells apart every variant a page is rendered in, and nothing else", () => {
  const key = (headers: Record<string, string>, https = false) => cacheableRequest(get(ARTICLE, headers), https)!.key;
  const plain = key({});
  assert.notEqual(key({ cookie: "tribune_locale=en" }), plain, "interface language chosen");
  assert.notEqual(key({ "accept-language": "en-CA,en;q=0.8" }), plain, "browser language");
  assert.notEqual(key({ cookie: "tribune_theme=dark" }), plain, "theme");
  assert.notEqual(key({}, true), plain, "scheme");
  assert.notEqual(key({ host: "other.example" }), plain, "host");
  assert.notEqual(key({ "user-agent": "Googlebot/2.1" }), plain, "crawler");
  // Cookies and values the page does not read do not split the cache.
  assert.equal(key({ cookie: "next-auth.csrf-token=x; _ga=1" }), plain);
  assert.equal(key({ cookie: "tribune_theme=neon" }), plain, "an invalid theme is the default one");
  assert.equal(key({ "accept-language": "de-DE" }), plain, "an unsupported language is no language");
});

test("a fill forwards the variant's headers and only the cookies the page varies by", () => {
  const headers = fillHeaders(
    get(ARTICLE, {
      cookie: "tribune_locale=en; secret=1; tribune_theme=dark",
      "accept-language": "fr-CA",
      "accept-encoding": "gzip",
      authorization: "Bearer x",
    }),
  );
  assert.equal(headers.cookie, "tribune_locale=en; tribune_theme=dark");
  assert.equal(headers["accept-language"], "fr-CA");
  assert.equal(headers["accept-encoding"], "identity");
  assert.equal(headers["x-tribune-page-cache"], "fill");
  assert.equal(headers.authorization, undefined);
});

test("a cached page's CSP allows exactly its inline scripts, by hash", () => {
  const boot = "(self.__next_f=self.__next_f||[]).push([0])";
  const html = [
    `<script nonce="n1">${boot}</script>`,
    '<script src="/_next/static/chunks/a.js" async=""></script>',
    '<script type="application/ld+json">{"@type":"BlogPosting"}</script>',
    '<SCRIPT>self.__next_f.push([1,"x"])</SCRIPT >',
  ].join("");
  const sha = (body: string) => `sha256-${createHash("sha256").update(body).digest("base64")}`;
  assert.deepEqual(inlineScriptHashes(html), [sha(boot), sha('self.__next_f.push([1,"x"])')]);
  const policy = contentSecurityPolicy({ hashes: inlineScriptHashes(html) }, true);
  assert.match(policy, new RegExp(`script-src 'self' '${sha(boot).replace(/[+/]/g, "\\$&")}'`));
  assert.doesNotMatch(policy, /nonce|strict-dynamic/);
  assert.doesNotMatch(
    policy.split("; ").find((d) => d.startsWith("script-src"))!,
    /unsafe-inline/,
  );
  assert.match(contentSecurityPolicy({ nonce: "abc" }, false), /script-src 'self' 'nonce-abc' 'strict-dynamic'/);
});

const page = (postId: string, renderedAt: number, bytes = 10, storedAt = Date.now()): CachedPage => ({
  postId,
  renderedAt,
  storedAt,
  status: 200,
  headers: [],
  gzip: Buffer.alloc(bytes),
  scriptHashes: [],
});

beforeEach(() => clear());

test("a page stays fresh until its article or the site changes", () => {
  store("a", page("p1", snapshot()));
  store("b", page("p2", snapshot()));
  assert.equal(lookup("a", 60_000, 1000)?.fresh, true);
  bump("p1");
  assert.equal(lookup("a", 60_000, 1000)?.fresh, false, "p1's discussion moved");
  assert.equal(lookup("b", 60_000, 1000)?.fresh, true, "p2 did not");
  bump();
  assert.equal(lookup("b", 60_000, 1000)?.fresh, false, "a site-wide change reaches every page");
});

test("a stale page is served only within the grace; an old one never", () => {
  const now = Date.now();
  store("a", page("p1", snapshot(), 10, now));
  bump("p1");
  assert.equal(lookup("a", 60_000, 1000, now + 500)?.fresh, false);
  assert.equal(lookup("a", 60_000, 1000, now + 1000), null, "past the grace it is dropped");
  store("b", page("p2", snapshot(), 10, now));
  assert.equal(lookup("b", 60_000, 1000, now + 59_000)?.fresh, true);
  assert.equal(lookup("b", 60_000, 1000, now + 60_000), null, "PAGE_CACHE_SECONDS bound every page");
});

test("a render that a change overtook is kept as stale, and never replaces a later one", () => {
  const before = snapshot();
  bump("p1"); // a comment arrives while the page renders
  store("a", page("p1", before));
  assert.equal(lookup("a", 60_000, 1000)?.fresh, false);
  store("a", page("p1", snapshot()));
  assert.equal(store("a", page("p1", before)), false, "the older render loses");
  assert.equal(lookup("a", 60_000, 1000)?.fresh, true);
});

test("memory is bounded: the least recently used pages go first", () => {
  const size = MAX_BYTES / 10;
  for (let i = 0; i < 10; i++) store(`k${i}`, page(`p${i}`, snapshot(), size));
  lookup("k0", 60_000, 1000); // k0 is now the most recently used
  store("k10", page("p10", snapshot(), size));
  assert.ok(lookup("k0", 60_000, 1000), "recently read: kept");
  assert.equal(lookup("k1", 60_000, 1000), null, "least recently used: evicted");
  assert.ok(stats().bytes <= MAX_BYTES);
  assert.equal(store("huge", page("p", snapshot(), MAX_BYTES)), false, "one page may not fill the cache");
});
