// Benchmark: the real WordPress thread (issue 12, items 1-3), as a signed-in reader sees it.
// Seeds (before the server starts) the content folder ../shared/bench/wordpress-thread (or
// BENCH_THREAD_DIR): blog `bench`, article /bench/mille with 1,000 threaded comments. Then reports
//   (a) the first page's HTML bytes, raw and gzipped, and that every comment is reachable
//       through the discussion's pages,
//   (b) one signed-in request alone: p50 of 30 sequential GETs,
//   (c) signed-in readers at 32 connections: requests/s, p50, p99 (300 GETs after 10 warm-up,
//       at most 60 s; --quick: 100 and 20 s),
//   (d) the same-run baseline: the same gzipped bytes served from memory by a plain Node HTTP
//       server (its own process) at 32 connections.
// Run: npx tsx --import ./scripts/lib/register.mjs scripts/bench/thread.ts [--quick]
import { spawn } from "node:child_process";
import http from "node:http";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gunzipSync, gzipSync } from "node:zlib";
import {
  BENCH_DIR,
  RENDER,
  isMain,
  load,
  percentile,
  report,
  request,
  round,
  runStandalone,
  sessionCookie,
  type ServerPart,
} from "./lib";

const ARTICLE = "/bench/mille";
const READER = "marie-eve";
const CONNECTIONS = 32;

type Seeded = { cookie: string; comments: number };

export const threadPart: ServerPart<Seeded> = {
  name: "thread",
  async seed() {
    const { db } = await import("@/lib/db");
    const { loadContent, syncContent } = await import("@/lib/content");
    const dir = process.env.BENCH_THREAD_DIR ?? path.resolve("..", "shared", "bench", "wordpress-thread");
    await syncContent(loadContent(dir));
    const post = await db.post.findFirstOrThrow({
      where: { slug: "mille", blog: { slug: "bench" } },
      select: { id: true },
    });
    const comments = await db.comment.count({ where: { postId: post.id, status: "approved" } });
    return { cookie: await sessionCookie({ handleKey: READER }), comments };
  },

  async run({ options }, seeded) {
    const headers = { cookie: seeded.cookie };
    const first = await request(ARTICLE, { headers: { ...headers, "accept-encoding": "identity" } });
    if (first.status !== 200) throw new Error(`GET ${ARTICLE}: ${first.status}`);
    const html = first.body.toString("utf8");
    // Signed in: the comment form is there (a visitor gets a link to sign in instead), and the
    // page is the reader's own (their personal layer names them, when it is the member shell).
    if (!/<textarea[^>]*name="body"/.test(html)) throw new Error(`${ARTICLE}: not signed in (no comment form)`);
    const layer = /<script id="tribune-personal" type="application\/json">(.*?)<\/script>/s.exec(html);
    if (layer && !layer[1]!.includes(`"handle":"${READER}"`)) throw new Error(`${ARTICLE}: another reader's layer`);
    const gzipped = gzipSync(first.body);
    writeFileSync(path.join(BENCH_DIR, "thread-first-page.html"), first.body);
    // What a visitor's first page weighs when rendered (the page cache serves the same bytes).
    const visitor = await request(ARTICLE, { headers: { ...RENDER, "accept-encoding": "identity" } });

    // Every comment reachable: the anchors of all the discussion's pages.
    const pages = Number(/Page 1 (?:sur|of) (\d+)/.exec(html)?.[1] ?? 1);
    const seen = new Set<string>();
    for (let page = 1; page <= 1000; page++) {
      const res = await request(`${ARTICLE}?page=${page}`, { headers });
      const text = (res.headers["content-encoding"] === "gzip" ? gunzipSync(res.body) : res.body).toString("utf8");
      const ids = [...text.matchAll(/<article id="comment-([^"]+)"/g)].map((m) => m[1]!);
      const before = seen.size;
      ids.forEach((id) => seen.add(id));
      if (seen.size === before) break;
    }

    const alone: number[] = [];
    for (let i = 0; i < 30; i++) alone.push((await request(ARTICLE, { headers, sockets: 1 })).ms);

    const total = options.quick ? 100 : 300;
    const maxMs = options.quick ? 20_000 : 60_000;
    const signedIn = await load({ pathname: ARTICLE, total, concurrency: CONNECTIONS, warmup: 10, maxMs, headers });
    const baseline = await staticBaseline(gzipped, { total: total * 20, maxMs });
    return [
      report({
        bench: "thread",
        article: ARTICLE,
        comments: seeded.comments,
        reachableComments: seen.size,
        pagesLinked: pages,
        htmlBytes: first.body.length,
        htmlGzipBytes: gzipped.length,
        visitorHtmlBytes: visitor.body.length,
        visitorHtmlGzipBytes: gzipSync(visitor.body).length,
        targetHtmlBytes: 938_000,
        targetHtmlGzipBytes: 77_000,
        aloneP50Ms: round(percentile(alone, 0.5)),
        signedIn,
        targets: { requestsPerSecond: 85, p50AloneMs: 50, p99Ms: 1000 },
        baseline,
      }),
    ];
  },
};

/**
 * staticBaseline: the same gzipped bytes served from memory by a plain Node HTTP server in its
 * own process (so it does not share the load generator's thread), loaded at the same concurrency.
 */
async function staticBaseline(body: Buffer, limits: { total: number; maxMs: number }) {
  const dir = mkdtempSync(path.join(tmpdir(), "tribune-baseline-"));
  const file = path.join(dir, "page.html.gz");
  writeFileSync(file, body);
  const script = `
    const http = require("node:http");
    const body = require("node:fs").readFileSync(${JSON.stringify(file)});
    const server = http.createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip", "content-length": body.length });
      res.end(body);
    });
    server.listen(0, "127.0.0.1", () => console.log(server.address().port));`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
      child.once("exit", () => reject(new Error("the baseline server stopped")));
    });
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const timings: number[] = [];
    let issued = 0;
    const started = performance.now();
    const get = () =>
      new Promise<number>((resolve, reject) => {
        const at = performance.now();
        http
          .get({ host: "127.0.0.1", port, path: "/", agent, headers: { "accept-encoding": "gzip" } }, (res) => {
            res.on("data", () => undefined);
            res.on("end", () => resolve(performance.now() - at));
          })
          .on("error", reject);
      });
    const worker = async () => {
      while (issued < limits.total && performance.now() - started < limits.maxMs) {
        issued++;
        timings.push(await get());
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, worker));
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    return {
      requests: timings.length,
      requestsPerSecond: round(timings.length / seconds),
      p50Ms: round(percentile(timings, 0.5)),
      p99Ms: round(percentile(timings, 0.99)),
      bytes: body.length,
    };
  } finally {
    child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runStandalone(threadPart as ServerPart<unknown>);
