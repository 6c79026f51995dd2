// The page cache's HTTP layer on real sockets, in front of a stand-in for Next: the stand-in
// renders a page with an inline script carrying its nonce (and one without, as if injected),
// in the language and theme it reads as the app does (Next's cookie parser, lib/i18n), tags a
// fill with its article's id as proxy.ts does, and holds POSTs until the test lets them go.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { RequestCookies } from "next/dist/compiled/@edge-runtime/cookies";
import { isLocale, LOCALE_COOKIE, pickLocale } from "@/lib/i18n/config";
import { closeLiveBus } from "@/lib/live";
import { updateBlogSettings } from "@/lib/blogs";
import { createComment } from "@/lib/comments";
import { db, disconnectDb } from "@/lib/db";
import { pagesChanged } from "@/lib/page-cache";
import { chooseEncoding, createPageCache, GRACE_MS } from "@/lib/page-cache/http";
import { deletePost } from "@/lib/posts";
import { isTheme, THEME_COOKIE } from "@/lib/theme/themes";
import { createBlog, createPost, createUser } from "../factories";
import { resetDb } from "../setup/db";

const ARTICLE = "/carnet-de-josee/un-article";
/** What the stand-in's fills show, by path, as proxy.ts marks them (the scope header). */
const scopes = new Map<string, string>([
  ["/", "home"],
  ["/carnet-de-josee", "blog:carnet-de-josee"],
  ["/tags/debat", "tag:debat"],
]);
let renders = 0;
/** The POSTs the stand-in holds, each released by calling it. */
const held: (() => void)[] = [];
let server: Server;
let origin: URL;
let cache: ReturnType<typeof createPageCache>;

function next(req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.method === "POST") {
    held.push(() => res.end("posted"));
    return;
  }
  renders++;
  const article = req.url === ARTICLE || req.url!.startsWith("/carnet-de-josee/variant-");
  const scope = article ? "post:post-1" : scopes.get(req.url!);
  res.statusCode = scope ? 200 : 404;
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("content-security-policy", "script-src 'nonce-once'");
  res.setHeader("vary", "rsc");
  if (scope && req.headers["x-tribune-page-cache"]) res.setHeader("x-tribune-scope", scope);
  // As lib/i18n/request.ts and lib/theme read them (next/headers cookies()).
  const cookies = new RequestCookies(new Headers({ cookie: req.headers.cookie ?? "" }));
  const chosen = cookies.get(LOCALE_COOKIE)?.value;
  const theme = cookies.get(THEME_COOKIE)?.value;
  const lang = isLocale(chosen) ? chosen : (pickLocale(req.headers["accept-language"]) ?? "fr");
  res.end(
    `<html lang="${lang}" data-theme="${isTheme(theme) ? theme : "system"}"><body><h1>render ${renders}</h1>` +
      `<script nonce="once">boot(${renders})</script><p>comment<script>injected()</script></p>` +
      `${"<p>Une longue discussion, et des réponses.</p>".repeat(req.url === "/" ? 2000 : 1)}</body></html>`,
  );
}

/** listen: a server with the page cache in front of the stand-in. */
async function listen(writePriorityMs?: number) {
  const created = http.createServer();
  await new Promise<void>((resolve) => created.listen(0, "127.0.0.1", resolve));
  const at = new URL(`http://127.0.0.1:${(created.address() as AddressInfo).port}`);
  const pageCache = createPageCache({ origin: at, ttlSeconds: 60, writePriorityMs });
  created.on("request", (req, res) => {
    void pageCache.handle(req, res).then((answered) => answered || next(req, res));
  });
  return { server: created, origin: at, cache: pageCache };
}

async function close(closing: Server) {
  closing.closeAllConnections();
  await new Promise((resolve) => closing.close(resolve));
}

before(async () => {
  ({ server, origin, cache } = await listen());
  await db.post.count(); // the database connected before any timing below
});
after(async () => {
  await close(server);
  await closeLiveBus();
  await disconnectDb();
});

function get(path: string, headers: Record<string, string> = {}, at = origin) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string; ms: number }>(
    (resolve, reject) => {
      const started = performance.now();
      http
        .get(new URL(path, at), { headers: { "accept-encoding": "gzip", ...headers } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            const raw = Buffer.concat(chunks);
            const encoding = res.headers["content-encoding"];
            const body = encoding === "gzip" ? gunzipSync(raw) : encoding === "br" ? brotliDecompressSync(raw) : raw;
            resolve({
              status: res.statusCode!,
              headers: res.headers,
              body: body.toString(),
              ms: performance.now() - started,
            });
          });
        })
        .on("error", reject);
    },
  );
}

test("page cache over HTTP: one render for many anonymous readers, hashed CSP, signed-in readers pass", async () => {
  const first = await Promise.all(Array.from({ length: 5 }, () => get(ARTICLE)));
  assert.equal(renders, 1, "concurrent misses share one render");
  assert.deepEqual(new Set(first.map((response) => response.body)).size, 1);
  const hit = await get(ARTICLE);
  assert.equal(hit.headers["x-tribune-cache"], "hit");
  assert.match(hit.body, /render 1/);
  assert.equal(hit.headers["content-encoding"], "gzip");
  assert.match(String(hit.headers["content-security-policy"]), /script-src 'self' 'sha256-[^' ]+'; /);
  assert.doesNotMatch(String(hit.headers["content-security-policy"]), /nonce/);
  assert.equal(hit.headers["x-tribune-scope"], undefined, "the fill's scopes stay inside");

  const identity = await get(ARTICLE, { "accept-encoding": "identity" });
  assert.equal(identity.headers["content-encoding"], undefined);
  assert.match(identity.body, /render 1/);

  const signedIn = await get(ARTICLE, { cookie: "next-auth.session-token=abc" });
  assert.match(signedIn.body, /render 2/);
  assert.equal(signedIn.headers["x-tribune-cache"], undefined);

  const missing = await get("/carnet-de-josee/absent");
  assert.equal(missing.status, 404, "what is not a readable article is answered as rendered, never kept");
  assert.equal((await get("/carnet-de-josee/absent")).status, 404);
});

test("page cache over HTTP: a change is served stale within the grace only, then re-rendered once", async () => {
  await get(ARTICLE);
  const before = renders;
  await pagesChanged("post-1");
  const stale = await get(ARTICLE);
  assert.equal(stale.headers["x-tribune-cache"], "stale");
  await Promise.all(Array.from({ length: 5 }, () => get(ARTICLE)));
  assert.equal(renders, before, "no render within the grace");
  await new Promise((resolve) => setTimeout(resolve, GRACE_MS + 300));
  const fresh = await get(ARTICLE);
  assert.equal(renders, before + 1, "one refresh once the grace ended");
  assert.equal(fresh.headers["x-tribune-cache"], "hit");
  assert.match(fresh.body, new RegExp(`render ${renders}`));

  await pagesChanged(); // a site-wide change reaches this article's page too
  assert.equal((await get(ARTICLE)).headers["x-tribune-cache"], "stale");
});

function post(path: string, headers: Record<string, string> = {}, at = origin) {
  let settled = false;
  const done = new Promise<void>((resolve, reject) => {
    const req = http.request(new URL(path, at), { method: "POST", headers }, (res) => {
      res.resume();
      res.on("end", () => {
        settled = true;
        resolve();
      });
    });
    req.on("error", reject);
    req.end("{}");
  });
  return { done, settled: () => settled };
}

async function heldPost(path: string, headers: Record<string, string> = {}, at = origin) {
  const count = held.length;
  const sent = post(path, headers, at);
  while (held.length === count) await new Promise((resolve) => setTimeout(resolve, 5));
  return { ...sent, release: held.pop()! };
}

test("page cache over HTTP: a request cannot make the page kept for other readers another language or theme", async () => {
  // Each poisoning request comes first on a page of its own (a miss, so its render is kept),
  // then the readers come: each must get the page as rendered for their own cookies and browser.
  const poisons: Record<string, string>[] = [
    { cookie: "tribune_locale=%65n" },
    { cookie: "tribune_locale=%65n; tribune_theme=%64ark" },
    { cookie: "tribune_locale=fr; tribune_locale=en; tribune_theme=light; tribune_theme=dark" },
    { cookie: "tribune_locale=en; tribune_locale=%zz; tribune_theme=dark; tribune_theme=%" },
    { cookie: "tribune_locale=EN; tribune_theme=DARK" },
    { cookie: "tribune_locale=fr; tribune_theme=light", "accept-language": "de, en;q=0.9" },
  ];
  const readers: [Record<string, string>, string][] = [
    [{}, 'lang="fr" data-theme="system"'],
    [{ cookie: "tribune_locale=fr" }, 'lang="fr" data-theme="system"'],
    [{ cookie: "tribune_locale=fr; tribune_theme=light" }, 'lang="fr" data-theme="light"'],
    [{ "accept-language": "en-GB" }, 'lang="en" data-theme="system"'],
    [{ "accept-language": "en-GB", cookie: "tribune_locale=fr; tribune_theme=light" }, 'lang="fr" data-theme="light"'],
  ];
  for (const [index, poison] of poisons.entries()) {
    const path = `/carnet-de-josee/variant-${index}`;
    assert.equal(
      (await get(path, poison)).headers["x-tribune-cache"],
      "miss",
      "the poisoning request is rendered and kept",
    );
    for (const [headers, expected] of readers) {
      const read = await get(path, headers);
      assert.match(
        read.body,
        new RegExp(expected),
        `after ${JSON.stringify(poison)}, a reader with ${JSON.stringify(headers)}`,
      );
    }
  }
});

test("page cache over HTTP: a cached page allows by hash only the scripts carrying the render's nonce", async () => {
  await new Promise((resolve) => setTimeout(resolve, GRACE_MS + 300)); // past the previous test's change
  await get(ARTICLE);
  const hit = await get(ARTICLE);
  assert.equal(hit.headers["x-tribune-cache"], "hit");
  const sha = (body: string) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`;
  const policy = String(hit.headers["content-security-policy"]);
  const rendered = /boot\(\d+\)/.exec(hit.body)![0];
  assert.ok(policy.includes(sha(rendered)), "the render's own script runs");
  assert.ok(!policy.includes(sha("injected()")), "a script without the nonce does not");
  assert.equal(policy.match(/'sha256-/g)?.length, 1);
});

test("page cache over HTTP: an anonymous POST, stalled, holds no reader back", async () => {
  await get(ARTICLE);
  const stalled = await heldPost("/carnet-de-josee/un-article", {
    "content-type": "application/x-www-form-urlencoded",
  });
  assert.deepEqual(cache.waits(), { writes: 0, waiting: 0 }, "an anonymous POST is no write in progress");
  const reads = await Promise.all(Array.from({ length: 20 }, () => get(ARTICLE)));
  assert.ok(reads.every((read) => read.headers["x-tribune-cache"] === "hit"));
  assert.equal(stalled.settled(), false, "answered while the POST is still stalled");
  assert.deepEqual(cache.waits(), { writes: 0, waiting: 0 });
  stalled.release();
  await stalled.done;
});

test("page cache over HTTP: a wait for a stalled write ends at its timeout and leaves nothing behind", async () => {
  await get(ARTICLE);
  const stalled = await heldPost("/api/v1/posts/post-1/comments", { authorization: "Bearer trb_x" });
  assert.deepEqual(cache.waits(), { writes: 1, waiting: 0 });
  const reads = await Promise.all(Array.from({ length: 20 }, () => get(ARTICLE)));
  assert.ok(reads.every((read) => read.headers["x-tribune-cache"] === "hit"));
  assert.equal(stalled.settled(), false, "every read was answered while the write is still stalled");
  assert.deepEqual(cache.waits(), { writes: 1, waiting: 0 }, "no waiting entry outlives its timeout");
  stalled.release();
  await stalled.done;
  assert.deepEqual(cache.waits(), { writes: 0, waiting: 0 });
});

test("page cache over HTTP: cached answers wait while a signed-in write is handled, then go", async () => {
  // A cache whose waits last longer than any test: only the write's end can answer the reads.
  const patient = await listen(60_000);
  try {
    await get(ARTICLE, {}, patient.origin);
    const write = await heldPost(
      ARTICLE,
      { cookie: "tribune_theme=dark; next-auth.session-token=abc" },
      patient.origin,
    );
    let answered = 0;
    const reads = Array.from({ length: 5 }, () => get(ARTICLE, {}, patient.origin).then((read) => (answered++, read)));
    while (patient.cache.waits().waiting < 5) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(answered, 0, "the reads wait for the write");
    write.release();
    const done = await Promise.all(reads);
    assert.ok(done.every((read) => read.headers["x-tribune-cache"] === "hit"));
    await write.done;
    assert.deepEqual(patient.cache.waits(), { writes: 0, waiting: 0 }, "nothing accumulates");
  } finally {
    await close(patient.server);
  }
});

test("encodings: Accept-Encoding is read with its q-values, Brotli first among equals, the page as rendered otherwise", () => {
  const cases: [string | undefined, string][] = [
    ["gzip, deflate, br, zstd", "br"],
    ["gzip, deflate", "gzip"],
    ["gzip;q=1.0, br;q=0.5", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["BR", "br"],
    ["*", "br"],
    ["*;q=0.5, gzip;q=0", "br"],
    ["br;q=0, gzip;q=0", "identity"],
    ["identity;q=0, *;q=0", "identity"],
    ["x-gzip, deflate", "identity"],
    ["gzip;q=0.001", "gzip"],
    ["", "identity"],
    [undefined, "identity"],
  ];
  for (const [header, expected] of cases) assert.equal(chooseEncoding(header), expected, String(header));
});

test("page cache over HTTP: each client gets the encoding it prefers, made once at fill, the same page after decoding", async () => {
  const before = renders;
  const asRendered = await get("/", { "accept-encoding": "identity" });
  assert.equal(asRendered.headers["content-encoding"], undefined);
  const readers: [string, string | undefined][] = [
    ["gzip, deflate, br, zstd", "br"],
    ["gzip", "gzip"],
    ["gzip;q=1, br;q=0.8", "gzip"],
    ["br;q=0, gzip;q=0", undefined],
    ["identity", undefined],
  ];
  for (const [accept, expected] of readers) {
    const read = await get("/", { "accept-encoding": accept });
    assert.equal(read.headers["x-tribune-cache"], "hit", accept);
    assert.equal(read.headers["content-encoding"], expected, accept);
    assert.equal(read.body, asRendered.body, `${accept}: the same bytes once decoded`);
    assert.match(String(read.headers.vary), /^rsc, Accept-Encoding$/, "caches on the way keep the encodings apart");
    assert.equal(Number(read.headers["content-length"]) > 0, true);
  }
  assert.equal(renders, before + 1, "one render for every encoding");
  const sizes = await Promise.all(
    ["br", "gzip", "identity"].map(
      (accept) =>
        new Promise<number>((resolve) =>
          http.get(new URL("/", origin), { headers: { "accept-encoding": accept } }, (res) => {
            resolve(Number(res.headers["content-length"]));
            res.resume();
          }),
        ),
    ),
  );
  assert.ok(sizes[0]! < sizes[2]! / 10 && sizes[1]! < sizes[2]! / 10, `compressed: ${sizes.join(", ")}`);
});

test("page cache over HTTP: a comment makes stale the lists that show its article, and a post or blog change every page", async () => {
  await resetDb();
  const owner = await createUser({ handle: "josee" });
  const reader = await createUser({ handle: "lectrice" });
  const as = (user: typeof owner) => ({ id: user.id, role: user.role, name: user.name });
  const carnet = await createBlog({ slug: "carnet-de-josee", ownerId: owner.id, language: "fr" });
  const other = await createBlog({ slug: "autre-blogue", ownerId: owner.id, language: "fr" });
  const tagged = await createPost({ blogId: carnet.id, authorId: owner.id, slug: "un-debat" });
  const tag = await db.tag.create({ data: { slug: "debat", name: "débat" } });
  await db.postTag.create({ data: { postId: tagged.id, tagId: tag.id } });
  const elsewhere = await createPost({ blogId: other.id, authorId: owner.id, slug: "ailleurs" });
  const pages = {
    home: "/",
    blog: "/carnet-de-josee",
    tag: "/tags/debat",
    article: "/carnet-de-josee/un-debat",
    otherBlog: "/autre-blogue",
    otherArticle: "/autre-blogue/ailleurs",
  };
  scopes.set(pages.article, `post:${tagged.id}`);
  scopes.set(pages.otherBlog, "blog:autre-blogue");
  scopes.set(pages.otherArticle, `post:${elsewhere.id}`);

  /** Every page kept and fresh again (past the grace of any earlier change). */
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS + 300));
    for (const path of Object.values(pages)) await get(path);
    for (const path of Object.values(pages)) assert.equal((await get(path)).headers["x-tribune-cache"], "hit", path);
  };
  // Stale within the grace, or re-rendered past it (a write may take longer than the grace).
  const staleOnes = async () => {
    const stale: string[] = [];
    for (const [name, path] of Object.entries(pages))
      if ((await get(path)).headers["x-tribune-cache"] !== "hit") stale.push(name);
    return stale.sort();
  };

  await settle();
  const first = await createComment(as(reader), { postId: tagged.id, body: "Je réponds au débat." });
  assert.equal(first.status, "approved");
  assert.deepEqual(await staleOnes(), ["article", "blog", "home", "tag"], "the article and the lists showing it");

  await settle();
  await createComment(as(reader), { postId: elsewhere.id, body: "Et ici aussi." });
  assert.deepEqual(await staleOnes(), ["home", "otherArticle", "otherBlog"]);

  await settle();
  await updateBlogSettings(as(owner), other.id, {
    name: "Un autre nom",
    slug: "autre-blogue",
    language: "fr",
    commentPolicy: "open",
  });
  assert.deepEqual(await staleOnes(), Object.keys(pages).sort(), "a blog's name shows on lists and articles");

  await settle();
  await deletePost(as(owner), elsewhere.id);
  assert.deepEqual(await staleOnes(), Object.keys(pages).sort(), "a post leaves every list it was on");
});
