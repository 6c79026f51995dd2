import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { beforeEach, test } from "node:test";
import { RequestCookies } from "next/dist/compiled/@edge-runtime/cookies";
import { getBotType } from "next/dist/shared/lib/router/utils/is-bot";
import { isLocale, LOCALE_COOKIE, pickLocale } from "@/lib/i18n/config";
import {
  cacheablePage,
  cacheableRequest,
  carriesCredentials,
  fillHeaders,
  isPostPath,
  pageScope,
  memberShellToken,
  parseCookies,
  shellRequest,
  variantOf,
  type Variant,
} from "@/lib/page-cache/policy";
import { bump, clear, lookup, snapshot, stats, store, MAX_BYTES, type CachedPage } from "@/lib/page-cache/store";
import { contentSecurityPolicy, inlineScriptHashes, nonceOf } from "@/lib/security/csp";
import { isTheme, THEME_COOKIE } from "@/lib/theme/themes";

const ARTICLE = "/carnet-de-josee/fermer-les-commentaires";
const get = (url: string, headers: Record<string, string> = {}, method = "GET") => ({
  method,
  url,
  headers: { host: "tribune.example", ...headers },
});

test("only anonymous GETs of an article, a blog's home, a tag's page or the home page, without query string, are cacheable", () => {
  for (const path of [ARTICLE, "/", "/carnet-de-josee", "/tags/debat"])
    assert.ok(cacheableRequest(get(path), false), path);
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
    ["a blog's later page", get("/carnet-de-josee?page=2")],
    ["a tag's later page", get("/tags/debat?page=2")],
    ["the search page", get("/search")],
    ["a reserved top-level route", get("/notifications")],
    ["a tag in capitals (Next answers it, the key would not be normalised)", get("/tags/Debat")],
    ["the tags index", get("/tags")],
    ["a profile", get("/u/josee")],
    ["the writing desk", get("/write/carnet-de-josee")],
    ["the API", get("/api/health")],
    ["a comment's own page", get(`${ARTICLE}/comments/c1`)],
    ["a trailing slash", get(`${ARTICLE}/`)],
  ];
  for (const [name, request] of refused) assert.equal(cacheableRequest(request, false), null, name);
  assert.equal(isPostPath("/tags/debat"), false);
  assert.equal(isPostPath(ARTICLE), true);
  assert.deepEqual(cacheablePage("/tags/debat"), { kind: "tag", tag: "debat" });
  assert.deepEqual(cacheablePage("/carnet-de-josee"), { kind: "blog", blog: "carnet-de-josee" });
  assert.deepEqual(cacheablePage("/"), { kind: "home" });
  assert.equal(pageScope({ kind: "blog", blog: "carnet-de-josee" }), "blog:carnet-de-josee");
  assert.equal(pageScope({ kind: "tag", tag: "debat" }), "tag:debat");
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
  assert.equal(
    fillHeaders(get(ARTICLE, { rsc: "1", "next-router-state-tree": "a" }), false)["next-router-state-tree"],
    "a",
  );
  const split = (tree: string, url: string) =>
    cacheableRequest(get(`${ARTICLE}?_rsc=1x2y`, { rsc: "1", "next-router-state-tree": tree, "next-url": url }), false)!
      .key;
  assert.notEqual(split("a|b", ""), split("a", "b|"), "router state and address cannot be shifted into each other");
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
  assert.notEqual(key({ "user-agent": "WhatsApp/2.23" }), plain, "a link preview Next treats as a crawler");
  // Cookies and values the page does not read do not split the cache.
  assert.equal(key({ cookie: "next-auth.csrf-token=x; _ga=1" }), plain);
  assert.equal(key({ cookie: "tribune_theme=neon" }), plain, "an invalid theme is the default one");
  assert.equal(key({ "accept-language": "de-DE" }), plain, "an unsupported language is no language");
});

// What the render reads from a request's headers (lib/i18n/request.ts, lib/theme, proxy.ts and
// Next itself), with Next's own cookie parser: the reference the key is checked against.
function renderReads(headers: Record<string, string>): Omit<Variant, "host"> {
  const cookies = new RequestCookies(new Headers(headers));
  const locale = cookies.get(LOCALE_COOKIE)?.value;
  const theme = cookies.get(THEME_COOKIE)?.value;
  return {
    https: headers["x-forwarded-proto"] === "https",
    locale: isLocale(locale) ? locale : null,
    browserLocale: pickLocale(headers["accept-language"]),
    theme: isTheme(theme) ? theme : null,
    crawler: getBotType(headers["user-agent"] ?? "") ?? null,
  };
}

test("every variant: the key's value is what the render reads from the fill, whatever the request sent", () => {
  // [what the request sends, the variant the key and the render must both hold]
  const none = { locale: null, browserLocale: null, theme: null, crawler: null };
  const table: [Record<string, string>, Partial<Variant>][] = [
    [{}, {}],
    // Interface language (cookie): decoded and last-wins as Next reads it; anything else is none.
    [{ cookie: "tribune_locale=en" }, { locale: "en" }],
    [{ cookie: "tribune_locale=%65n" }, { locale: "en" }],
    [{ cookie: "tribune_locale=%66%72" }, { locale: "fr" }],
    [{ cookie: "tribune_locale=fr; tribune_locale=en" }, { locale: "en" }],
    [{ cookie: "tribune_locale=en;tribune_locale=fr" }, { locale: "fr" }],
    [{ cookie: "tribune_locale=en; tribune_locale=%E0%A4%A" }, { locale: "en" }],
    [{ cookie: "tribune_locale=en; tribune_locale=de" }, {}],
    [{ cookie: "tribune_locale=EN" }, {}],
    [{ cookie: "tribune_locale=en%20" }, {}],
    [{ cookie: "tribune_locale=en ; x=1" }, {}],
    [{ cookie: "tribune_locale" }, {}],
    [{ cookie: "TRIBUNE_LOCALE=en" }, {}],
    [{ cookie: "a=1;\ttribune_locale=en" }, {}],
    [{ cookie: "tribune_locale=<script>" }, {}],
    // Theme (cookie), the same way.
    [{ cookie: "tribune_theme=dark" }, { theme: "dark" }],
    [{ cookie: "tribune_theme=%64ark" }, { theme: "dark" }],
    [{ cookie: "tribune_theme=light; tribune_theme=dark" }, { theme: "dark" }],
    [{ cookie: "tribune_theme=dark; tribune_theme=neon" }, {}],
    [{ cookie: "tribune_theme=Dark" }, {}],
    [{ cookie: "tribune_theme=dark; tribune_theme=%" }, { theme: "dark" }],
    [
      { cookie: "tribune_theme=light; tribune_locale=fr; tribune_theme=system; tribune_locale=%65%6E" },
      { theme: "system", locale: "en" },
    ],
    // Browser language (Accept-Language): negotiated once; the fill gets the result only.
    [{ "accept-language": "en-CA,en;q=0.8" }, { browserLocale: "en" }],
    [{ "accept-language": "EN-ca" }, { browserLocale: "en" }],
    [{ "accept-language": "de-DE, en;q=0.5, fr;q=0.9" }, { browserLocale: "fr" }],
    [{ "accept-language": "en;q=0, fr;q=0.1" }, { browserLocale: "fr" }],
    [{ "accept-language": "de-DE" }, {}],
    [{ "accept-language": "*;q=1, ;;, =" }, {}],
    // Crawlers: Next's own classes.
    [{ "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" }, { crawler: "dom" }],
    [{ "user-agent": "WhatsApp/2.23.2" }, { crawler: "html" }],
    [{ "user-agent": "facebookexternalhit/1.1" }, { crawler: "html" }],
    [{ "user-agent": "AdsBot-Google" }, { crawler: "html" }],
    [{ "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/120" }, {}],
    [{ "user-agent": "curl/8.0" }, {}],
  ];
  for (const https of [false, true]) {
    for (const [headers, expected] of table) {
      const request = get(ARTICLE, headers);
      const name = `${JSON.stringify(headers)} over ${https ? "HTTPS" : "HTTP"}`;
      const variant = variantOf(request, https);
      assert.deepEqual(variant, { host: "tribune.example", https, ...none, ...expected }, name);
      // What Next would read from the request as sent agrees (the key mirrors the render)…
      const sent = renderReads({ ...headers, "x-forwarded-proto": https ? "https" : "http" });
      for (const field of ["locale", "theme", "browserLocale", "crawler"] as const) {
        assert.equal(sent[field], variant[field], `${name}: ${field} as Next reads the request`);
      }
      // …and the render that is kept reads exactly the key's values from the fill's headers,
      const fill = fillHeaders(request, https);
      const { host, ...rest } = variant;
      assert.deepEqual(renderReads(fill), rest, `${name}: the fill renders the key's variant`);
      assert.equal(fill.host, host);
      // …which are canonical: the fill's own request falls under the same key.
      const { "x-tribune-page-cache": _, ...again } = fill;
      assert.equal(cacheableRequest(get(ARTICLE, again), https)?.key, cacheableRequest(request, https)?.key, name);
      // Distinct variants never share a key.
      if (Object.keys(expected).length === 0) {
        assert.equal(cacheableRequest(request, https)?.key, cacheableRequest(get(ARTICLE), https)?.key, name);
      }
    }
  }
});

test("cookies are read as Next reads them: decoded, the last of a name kept, undecodable skipped", () => {
  for (const header of [
    "a=1; b=%62; a=2",
    "x=%; x=ok",
    "x=ok; x=%zz",
    "flag; y=a=b",
    "  lead=1;trail=2 ;  ; z=",
    "\tname=tab; name=%E2%82%AC",
  ]) {
    const next = new RequestCookies(new Headers({ cookie: header }));
    assert.deepEqual(
      [...parseCookies(header)],
      [...next].map(([name, { value }]) => [name, value]),
      header,
    );
  }
});

test("a fill forwards the variant only: canonical cookies and headers, nothing else the reader sent", () => {
  const headers = fillHeaders(
    get(ARTICLE, {
      cookie: "tribune_theme=light; tribune_locale=en; secret=1; tribune_theme=dark; tribune_locale=junk",
      "accept-language": "fr-CA,en;q=0.5",
      "accept-encoding": "gzip",
      authorization: "Bearer x",
      "x-forwarded-for": "203.0.113.9",
      "x-next-intl-locale": "en",
      "user-agent": "Mozilla/5.0 (Macintosh) Firefox/130",
      rsc: "0",
      "next-router-state-tree": "x",
    }),
    false,
  );
  assert.deepEqual(headers, {
    "x-tribune-page-cache": "fill",
    "accept-encoding": "identity",
    "x-forwarded-proto": "http",
    "user-agent": "Mozilla/5.0",
    host: "tribune.example",
    "x-forwarded-host": "tribune.example",
    "accept-language": "fr",
    cookie: "tribune_theme=dark",
  });
});

test("only a request carrying a session or a token counts as a write in progress", () => {
  const post = (headers: Record<string, string>) => get(ARTICLE, headers, "POST");
  assert.equal(carriesCredentials(post({})), false, "anonymous");
  assert.equal(carriesCredentials(post({ cookie: "tribune_theme=dark; next-auth.csrf-token=x" })), false);
  assert.equal(carriesCredentials(post({ authorization: "Basic eDp5" })), false);
  assert.equal(carriesCredentials(post({ authorization: "Bearer" })), false, "a scheme without a token");
  assert.equal(carriesCredentials(post({ cookie: "next-auth.session-token=abc" })), true);
  assert.equal(carriesCredentials(post({ cookie: "a=1; __Secure-next-auth.session-token.0=abc" })), true);
  assert.equal(carriesCredentials(post({ authorization: "Bearer trb_x" })), true);
  assert.equal(carriesCredentials(post({ authorization: "  bearer   trb_x" })), true);
});

test("a cached page's CSP allows by hash the inline scripts the render emitted (its nonce), and no other", () => {
  const boot = "(self.__next_f=self.__next_f||[]).push([0])";
  const nonce = "q1Ks/9+aZ0==";
  const html = [
    `<script nonce="${nonce}">${boot}</script>`,
    `<script src="/_next/static/chunks/a.js" nonce="${nonce}" async=""></script>`,
    `<script type="application/ld+json" nonce="${nonce}">{"@type":"BlogPosting"}</script>`,
    `<SCRIPT id=x NONCE=${nonce}>self.__next_f.push([1,"x"])</SCRIPT >`,
    // Injected through content: no nonce, a wrong one, one only inside another attribute's value.
    "<script>alert(1)</script>",
    '<script nonce="guess">alert(2)</script>',
    `<script data-x=" nonce=${nonce}">alert(3)</script>`,
    `<script data-nonce="${nonce}">alert(4)</script>`,
  ].join("<p>article</p>");
  const sha = (body: string) => `sha256-${createHash("sha256").update(body).digest("base64")}`;
  assert.equal(nonceOf(contentSecurityPolicy({ nonce }, false)), nonce);
  assert.deepEqual(inlineScriptHashes(html, nonce), [sha(boot), sha('self.__next_f.push([1,"x"])')]);
  assert.deepEqual(inlineScriptHashes(html, ""), [], "no nonce, no script");
  const policy = contentSecurityPolicy({ hashes: inlineScriptHashes(html, nonce) }, true);
  assert.match(policy, new RegExp(`script-src 'self' '${sha(boot).replace(/[+/]/g, "\\$&")}'`));
  for (const injected of ["alert(1)", "alert(2)", "alert(3)", "alert(4)"]) {
    assert.ok(!policy.includes(sha(injected)), injected);
  }
  assert.doesNotMatch(policy, /nonce|strict-dynamic/);
  assert.doesNotMatch(
    policy.split("; ").find((d) => d.startsWith("script-src"))!,
    /unsafe-inline/,
  );
  assert.match(contentSecurityPolicy({ nonce: "abc" }, false), /script-src 'self' 'nonce-abc' 'strict-dynamic'/);
});

const page = (postId: string, renderedAt: number, bytes = 10, storedAt = Date.now(), scopes = [`post:${postId}`]) => {
  const entry: CachedPage = {
    scopes,
    renderedAt,
    storedAt,
    status: 200,
    headers: [],
    bodies: { br: Buffer.alloc(0), gzip: Buffer.alloc(bytes), identity: Buffer.alloc(0) },
    scriptHashes: [],
  };
  return entry;
};

beforeEach(() => clear());

test("a page stays fresh until its article or the site changes", () => {
  store("a", page("p1", snapshot()));
  store("b", page("p2", snapshot()));
  assert.equal(lookup("a", 60_000, 1000)?.fresh, true);
  bump(["post:p1"]);
  assert.equal(lookup("a", 60_000, 1000)?.fresh, false, "p1's discussion moved");
  assert.equal(lookup("b", 60_000, 1000)?.fresh, true, "p2 did not");
  bump();
  assert.equal(lookup("b", 60_000, 1000)?.fresh, false, "a site-wide change reaches every page");
});

test("a list page goes stale when any scope it shows changes, and only then", () => {
  store("home", page("", snapshot(), 10, Date.now(), ["home"]));
  store("blog", page("", snapshot(), 10, Date.now(), ["blog:carnet"]));
  store("tag", page("", snapshot(), 10, Date.now(), ["tag:debat"]));
  bump(["post:p1", "blog:carnet", "home"]);
  assert.equal(lookup("home", 60_000, 1000)?.fresh, false);
  assert.equal(lookup("blog", 60_000, 1000)?.fresh, false);
  assert.equal(lookup("tag", 60_000, 1000)?.fresh, true, "p1 has no tag debat");
});

test("a stale page is served only within the grace; an old one never", () => {
  const now = Date.now();
  store("a", page("p1", snapshot(), 10, now));
  bump(["post:p1"]);
  assert.equal(lookup("a", 60_000, 1000, now + 500)?.fresh, false);
  assert.equal(lookup("a", 60_000, 1000, now + 1000), null, "past the grace it is dropped");
  store("b", page("p2", snapshot(), 10, now));
  assert.equal(lookup("b", 60_000, 1000, now + 59_000)?.fresh, true);
  assert.equal(lookup("b", 60_000, 1000, now + 60_000), null, "PAGE_CACHE_SECONDS bound every page");
});

test("a render that a change overtook is kept as stale, and never replaces a later one", () => {
  const before = snapshot();
  bump(["post:p1"]); // a comment arrives while the page renders
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

test("a thread fragment is one entry for every reader, keyed by its canonical address (page, sort, language)", () => {
  const THREAD = `${ARTICLE}/thread`;
  const canonical = `${THREAD}?page=2&sort=newest&locale=fr`;
  const anonymous = cacheableRequest(get(canonical), false);
  assert.ok(anonymous);
  assert.equal(anonymous.kind, "fragment");
  assert.equal(anonymous.url, canonical);
  // The fragment's route never reads the session, the theme or the browser's languages: signed-in
  // readers share it, and none of these make another entry.
  for (const headers of <Record<string, string>[]>[
    { cookie: "next-auth.session-token=abc; tribune_theme=dark" },
    { cookie: "tribune_locale=en" },
    { "accept-language": "en-US" },
    { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1)" },
  ])
    assert.equal(cacheableRequest(get(canonical, headers), false)?.key, anonymous.key, JSON.stringify(headers));
  // Another spelling of the same query is the same entry, filled from the canonical address.
  const reordered = cacheableRequest(get(`${THREAD}?locale=fr&sort=newest&page=02`), false);
  assert.equal(reordered?.key, anonymous.key);
  assert.equal(reordered?.url, canonical);
  // An unknown order reads as the default one, as the page reads it.
  assert.equal(
    cacheableRequest(get(`${THREAD}?page=1&sort=bogus&locale=en`), false)?.url,
    `${THREAD}?page=1&sort=oldest&locale=en`,
  );
  // What differs is another entry: the page, the order, the language, the host, the scheme.
  const keys = new Set(
    [
      cacheableRequest(get(`${THREAD}?page=3&sort=newest&locale=fr`), false),
      cacheableRequest(get(`${THREAD}?page=2&sort=liked&locale=fr`), false),
      cacheableRequest(get(`${THREAD}?page=2&sort=newest&locale=en`), false),
      cacheableRequest(get(canonical, { host: "autre.example" }), false),
      cacheableRequest(get(canonical), true),
      anonymous,
    ].map((request) => request?.key),
  );
  assert.equal(keys.size, 6);
  // Refused: what the route would not render as such, and the cache's own fills.
  for (const url of [
    THREAD,
    `${THREAD}?page=0&sort=oldest&locale=fr`,
    `${THREAD}?page=x&sort=oldest&locale=fr`,
    `${THREAD}?page=1&sort=oldest&locale=de`,
    `${THREAD}?page=1&sort=oldest&locale=fr&extra=1`,
    `/notifications/x/thread?page=1&sort=oldest&locale=fr`,
  ])
    assert.equal(cacheableRequest(get(url), false), null, url);
  assert.equal(cacheableRequest(get(canonical, { "x-tribune-page-cache": "fill" }), false), null);
  assert.equal(cacheableRequest(get(canonical, { rsc: "1" }), false), null);
  // Its fill carries none of the reader's cookies or languages.
  const fill = fillHeaders(
    get(canonical, { cookie: "next-auth.session-token=abc; tribune_locale=en", "accept-language": "en" }),
    false,
    "fragment",
  );
  assert.equal(fill.cookie, undefined);
  assert.equal(fill["accept-language"], undefined);
  assert.deepEqual(cacheablePage(THREAD), { kind: "thread", blog: "carnet-de-josee", post: "fermer-les-commentaires" });
});

test("the member shell: one entry for every signed-in reader of a page, apart from visitors', in the account's language", () => {
  const session = { cookie: "next-auth.session-token=abc; tribune_theme=dark" };
  const tom = shellRequest(get(ARTICLE, session), false, null);
  assert.ok(tom);
  assert.equal(tom.kind, "html");
  assert.ok(tom.key.endsWith("|member"));
  // Another reader (another session) with the same variant shares it: the shell holds nobody's layer.
  assert.equal(
    shellRequest(get(ARTICLE, { cookie: "next-auth.session-token=xyz; tribune_theme=dark" }), false, null)?.key,
    tom.key,
  );
  // Never a visitor's entry, whatever the request says.
  const visitor = cacheableRequest(get(ARTICLE, { cookie: "tribune_theme=dark" }), false);
  assert.ok(visitor);
  assert.notEqual(visitor.key, tom.key);
  for (const headers of <Record<string, string>[]>[
    { cookie: "tribune_theme=dark", "x-tribune-audience": "member" },
    { cookie: "tribune_theme=dark", "x-tribune-audience": memberShellToken(process.env.NEXTAUTH_SECRET) },
  ])
    assert.equal(cacheableRequest(get(ARTICLE, headers), false)?.key, visitor.key);
  // The account's language (read by the server from the session) wins over the cookie's, as in the render.
  const english = shellRequest(
    get(ARTICLE, { ...session, cookie: `${session.cookie}; ${LOCALE_COOKIE}=fr` }),
    false,
    "en",
  );
  assert.ok(english && english.key !== tom.key);
  assert.equal(english.member?.locale, "en");
  const fill = fillHeaders(
    get(ARTICLE, { cookie: `${session.cookie}; ${LOCALE_COOKIE}=fr` }),
    false,
    "html",
    english.member,
  );
  assert.equal(new RequestCookies(new Headers({ cookie: fill.cookie! })).get(LOCALE_COOKIE)?.value, "en");
  assert.doesNotMatch(fill.cookie!, /session-token/);
  assert.equal(fill["x-tribune-audience"], memberShellToken(process.env.NEXTAUTH_SECRET));
  // Refused: anything but the plain page (queries, client navigations, other paths).
  for (const request of [
    get(`${ARTICLE}?sort=newest`, session),
    get(`${ARTICLE}?reply=abc`, session),
    get(ARTICLE, { ...session, rsc: "1" }),
    get(ARTICLE, session, "POST"),
    get("/carnet-de-josee", session),
    get(`${ARTICLE}/thread?page=1&sort=oldest&locale=fr`, session),
    get("/notifications/abc", session),
  ])
    assert.equal(shellRequest(request, false, null), null, JSON.stringify(request));
  // The token is the instance's own: another secret, another token.
  assert.notEqual(memberShellToken("one secret of sixteen"), memberShellToken("another secret of 16"));
});
