// The page cache's HTTP layer on real sockets, in front of a stand-in for Next: the stand-in
// renders a page with an inline script (tagged with its article's id, as proxy.ts does for a
// fill) and holds POSTs until the test lets them go.
import assert from "node:assert/strict";
import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { closeLiveBus } from "@/lib/live";
import { pagesChanged } from "@/lib/page-cache";
import { createPageCache, GRACE_MS, WRITE_PRIORITY_MS } from "@/lib/page-cache/http";

const ARTICLE = "/carnet-de-josee/un-article";
let renders = 0;
let releasePost: (() => void) | null = null;
let server: Server;
let origin: URL;

function next(req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.method === "POST") {
    releasePost = () => res.end("posted");
    return;
  }
  renders++;
  const known = req.url === ARTICLE;
  res.statusCode = known ? 200 : 404;
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("content-security-policy", "script-src 'nonce-once'");
  if (known && req.headers["x-tribune-page-cache"]) res.setHeader("x-tribune-post", "post-1");
  res.end(`<html><body><h1>render ${renders}</h1><script nonce="once">boot(${renders})</script></body></html>`);
}

before(async () => {
  server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const cache = createPageCache({ origin, ttlSeconds: 60 });
  server.on("request", (req, res) => {
    void cache.handle(req, res).then((answered) => answered || next(req, res));
  });
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await closeLiveBus();
});

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string; ms: number }>(
    (resolve, reject) => {
      const started = performance.now();
      http
        .get(new URL(path, origin), { headers: { "accept-encoding": "gzip", ...headers } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            const raw = Buffer.concat(chunks);
            const body = res.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
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
  assert.match(String(hit.headers["content-security-policy"]), /script-src 'self' 'sha256-[^']+'/);
  assert.doesNotMatch(String(hit.headers["content-security-policy"]), /nonce/);
  assert.equal(hit.headers["x-tribune-post"], undefined, "the fill's tag stays inside");

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

test("page cache over HTTP: cached answers wait while a write is handled", async () => {
  await new Promise((resolve) => setTimeout(resolve, GRACE_MS + 300));
  await get(ARTICLE);
  const posting = new Promise<void>((resolve, reject) => {
    const req = http.request(new URL("/api/v1/posts/post-1/comments", origin), { method: "POST" }, (res) => {
      res.resume();
      res.on("end", () => resolve());
    });
    req.on("error", reject);
    req.end("{}");
  });
  while (!releasePost) await new Promise((resolve) => setTimeout(resolve, 5));
  const started = performance.now();
  const reading = get(ARTICLE);
  setTimeout(() => releasePost!(), 40);
  const read = await reading;
  await posting;
  const waited = performance.now() - started;
  assert.equal(read.headers["x-tribune-cache"], "hit");
  assert.ok(waited >= 35, `the read waited for the write (${waited.toFixed(0)} ms)`);
  assert.ok(waited < WRITE_PRIORITY_MS + 400, "but not much longer");
});
