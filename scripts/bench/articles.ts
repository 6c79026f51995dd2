// Benchmark (issue 12): articles with 0, 200, 1,000 and 10,000 comments on the production server,
// each beside a static baseline measured in the same run.
//   Data: the real WordPress thread (../shared/bench/wordpress-thread through content:sync:
//   /bench/deux-cents, 200 comments, and /bench/mille, 1,000), or, where that folder is absent,
//   generated threads of the same sizes; /bench/zero (none) and /bench/dix-mille (10,000,
//   generated, threads up to 6 deep) are always generated.
//   Per article: requests/s, p50 and p99 rendered for a signed-in reader and answered from the
//   page cache to anonymous readers in each encoding (br, gzip, none), the same bytes served by
//   a plain Node server (static-server.ts) at the same concurrency; HTML bytes raw, gzipped and
//   Brotli; the gzipped JavaScript of its <script src> chunks; queries of its data loads; the
//   server's resident memory (all processes, and the largest) at the end of its runs.
//   JavaScript floor (issue 12, item 5): the same figure for an empty page (a 404), the home
//   page and a blog's home.
// Load: 32 connections on 127.0.0.1; cached runs 3 × 2 s each (--quick 3 × 0.7 s), in turns
// with the baseline, after 1 s of warm-up each; rendered runs at most 400 requests or 30 s (--quick 100 or 10 s), 4 connections
// for the 10,000-comment article (each render holds its whole page).
// Run: npx tsx --import ./scripts/lib/register.mjs scripts/bench/articles.ts [--quick]
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { random } from "./article-text";
import { queryCount } from "./comments";
import {
  BENCH_DIR,
  HOST,
  combineLoads,
  isMain,
  load,
  report,
  request,
  round,
  rssOfGroup,
  runStandalone,
  sessionCookie,
  type LoadResult,
  type ServerPart,
  type Summary,
} from "./lib";

const CONNECTIONS = 32;
const WORDPRESS_THREAD = path.resolve("..", "shared", "bench", "wordpress-thread");
const BLOG = "bench";
const STATIC_PORT = Number(process.env.BENCH_STATIC_PORT) || 3211;
const ENCODINGS = ["br", "gzip", "identity"] as const;
type Encoding = (typeof ENCODINGS)[number];
const BROTLI_5 = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };

type Article = { slug: string; comments: number; source: "wordpress" | "generated" };
type Seeded = {
  articles: (Article & { queries: { getPublicPost: number; listThread: number; total: number } })[];
  cookie: string;
  wordpress: boolean;
};

const WORDS = (
  "je pense que la modération est un travail qui demande du temps et de la confiance mais les lecteurs " +
  "répondent souvent mieux quand la règle est claire publique et appliquée avec constance sans exception"
).split(" ");

/** writeThread: `size` approved comments on a post, a third starting threads, the rest replies up to 6 deep. */
async function writeThread(postId: string, prefix: string, size: number, authors: string[]) {
  const { db } = await import("@/lib/db");
  const next = random(size + 7);
  const sentence = () => {
    const text = Array.from(
      { length: 6 + Math.floor(next() * 14) },
      () => WORDS[Math.floor(next() * WORDS.length)]!,
    ).join(" ");
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const depth: number[] = [];
  const now = Date.now();
  const id = (i: number) => `${prefix}_${String(i).padStart(5, "0")}`;
  const rows = Array.from({ length: size }, (_, i) => {
    let parent: number | null = null;
    if (i > 0 && next() > 0.33) {
      const candidate = Math.floor(i - 1 - next() ** 2 * Math.min(i, 80));
      parent = depth[candidate]! < 6 ? candidate : null;
    }
    depth.push(parent === null ? 1 : depth[parent]! + 1);
    const paragraphs = Array.from({ length: 1 + Math.floor(next() * 3) }, () =>
      Array.from({ length: 1 + Math.floor(next() * 3) }, sentence).join(" "),
    );
    return {
      id: id(i),
      postId,
      parentId: parent === null ? null : id(parent),
      authorId: authors[Math.floor(next() ** 1.5 * authors.length)]!,
      bodySource: paragraphs.join("\n\n"),
      bodyHtml: paragraphs.map((p) => `<p>${p}</p>`).join("\n"),
      status: "approved",
      createdAt: new Date(now - (size - i) * 60_000),
    };
  });
  for (let first = 0; first < rows.length; first += 500)
    await db.comment.createMany({ data: rows.slice(first, first + 500) });
}

async function seedArticles(): Promise<Seeded> {
  const { db } = await import("@/lib/db");
  const { renderMarkdown } = await import("@/lib/markdown");
  const { foldKey } = await import("@/lib/users/schemas");

  const wordpress = existsSync(path.join(WORDPRESS_THREAD, "blogs"));
  if (wordpress) {
    const started = performance.now();
    const synced = spawnSync(
      path.resolve("node_modules", ".bin", "tsx"),
      ["--import", "./scripts/lib/register.mjs", "scripts/content-sync.ts", "--dir", WORDPRESS_THREAD],
      { stdio: ["ignore", "inherit", "inherit"], env: process.env },
    );
    if (synced.status !== 0) throw new Error(`content:sync of ${WORDPRESS_THREAD} failed`);
    console.log(`articles: the WordPress thread imported in ${round((performance.now() - started) / 1000)} s`);
  } else {
    console.log(
      `articles: ${WORDPRESS_THREAD} is absent: generated threads stand in for /bench/mille and /bench/deux-cents`,
    );
  }

  const authors = Array.from({ length: 60 }, (_, i) => `bench_art_${i}`);
  await db.user.createMany({
    data: [...authors, "bench_art_reader"].map((id, i) => {
      const name = i < authors.length ? `Participante ${i + 1}` : "Lectrice connectée";
      return { id, handle: id, handleKey: id, name, nameKey: foldKey(name), email: `${id}@bench.test` };
    }),
  });
  let blog = await db.blog.findUnique({ where: { slug: BLOG }, select: { id: true } });
  blog ??= await db.blog.create({
    data: { slug: BLOG, name: "Blog de référence", language: "fr", commentPolicy: "open" },
    select: { id: true },
  });
  const body = Array.from({ length: 6 }, (_, i) => `## Partie ${i + 1}\n\n${WORDS.join(" ")}.`).join("\n\n");
  const bodyHtml = renderMarkdown(body, { kind: "article", frenchTypography: true, locale: "fr" }).html;
  const articles: Article[] = [
    { slug: "zero", comments: 0, source: "generated" },
    { slug: "deux-cents", comments: 200, source: wordpress ? "wordpress" : "generated" },
    { slug: "mille", comments: 1000, source: wordpress ? "wordpress" : "generated" },
    { slug: "dix-mille", comments: 10_000, source: "generated" },
  ];
  for (const article of articles.filter((a) => a.source === "generated")) {
    const post = await db.post.create({
      data: {
        blogId: blog.id,
        authorId: authors[0]!,
        slug: article.slug,
        title: `Un article et ${article.comments} commentaires`,
        bodySource: body,
        bodyHtml,
        status: "published",
        publishedAt: new Date(Date.now() - 86_400_000),
      },
      select: { id: true },
    });
    if (article.comments) await writeThread(post.id, `bench_${article.slug}`, article.comments, authors);
    console.log(`articles: wrote ${article.comments} comments on /${BLOG}/${article.slug}`);
  }
  const counted = [];
  for (const article of articles) counted.push({ ...article, queries: await queryCount(blog.id, article.slug) });
  return { articles: counted, cookie: await sessionCookie({ id: "bench_art_reader" }), wordpress };
}

// ---------------------------------------------------------------------------------------------

const chunkSizes = new Map<string, number>();
/**
 * scriptBytes: the gzipped size of the JavaScript a page loads, each chunk gzipped as served: its
 * <script src> chunks (noModule polyfills excluded) and the chunks its React payload names for
 * the client components it renders (next/dynamic ones included, which load without a tag).
 */
async function scriptBytes(html: string): Promise<{ chunks: number; gzip: number; sources: string[] }> {
  const tags = [...html.matchAll(/<script\b([^>]*)>/gi)].map((match) => match[1]!);
  const src = (attributes: string) => /\bsrc="([^"]+)"/i.exec(attributes)?.[1]?.replace(/&amp;/g, "&");
  const polyfills = new Set(tags.filter((attributes) => /\bnomodule\b/i.test(attributes)).map(src));
  const sources = new Set(
    [
      ...tags.filter((attributes) => !/\bnomodule\b/i.test(attributes)).map(src),
      ...[...html.matchAll(/\/_next\/static\/chunks\/[\w.-]+\.js/g)].map((match) => match[0]),
    ].filter((source): source is string => Boolean(source) && !polyfills.has(source)),
  );
  let gzip = 0;
  for (const src of sources) {
    let size = chunkSizes.get(src);
    if (size === undefined) {
      const url = new URL(src, "http://127.0.0.1");
      const res = await request(url.pathname + url.search, { headers: { "accept-encoding": "identity" } });
      if (res.status !== 200) throw new Error(`GET ${src}: ${res.status}`);
      chunkSizes.set(src, (size = gzipSync(res.body, { level: 9 }).length));
    }
    gzip += size;
  }
  return { chunks: sources.size, gzip, sources: [...sources] };
}

/** pageJs: the gzipped JavaScript a page ships, read from its HTML as anonymous readers get it. */
async function pageJs(pathname: string, expected = 200) {
  const page = await request(pathname, { headers: { "accept-encoding": "identity" } });
  if (page.status !== expected) throw new Error(`GET ${pathname}: ${page.status}, expected ${expected}`);
  return scriptBytes(page.body.toString("utf8"));
}

function startStatic(dir: string): Promise<ChildProcess> {
  const child = spawn(
    path.resolve("node_modules", ".bin", "tsx"),
    ["scripts/bench/static-server.ts", dir, String(STATIC_PORT)],
    { stdio: ["ignore", "inherit", "inherit"], detached: true },
  );
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const poll = async () => {
      const up = await request("/", { port: STATIC_PORT, timeoutMs: 500 }).then(
        () => true,
        () => false,
      );
      if (up) resolve(child);
      else if (performance.now() - started > 30_000 || child.exitCode !== null)
        reject(new Error("the static baseline did not start"));
      else setTimeout(poll, 200);
    };
    void poll();
  });
}

const brief = (result: LoadResult) => ({
  requestsPerSecond: result.requestsPerSecond,
  p50Ms: result.p50Ms,
  p99Ms: result.p99Ms,
  requests: result.requests,
  errors: result.errors,
  statuses: result.statuses,
});

export const articlesPart: ServerPart<Seeded> = {
  name: "articles",
  seed: seedArticles,
  async run({ options, server }, seeded) {
    const quick = options.quick;
    const staticDir = path.join(BENCH_DIR, "static");
    rmSync(staticDir, { recursive: true, force: true });
    mkdirSync(staticDir, { recursive: true });

    // The JavaScript floor: what an empty page ships (the 404 of an address no route answers:
    // the layout alone, nothing of a route's own client code); then the reading pages.
    const floor = await pageJs("/une/adresse/qui/n-existe/pas", 404);

    // Each article as anonymous readers get it, once per encoding: the bytes the baseline serves.
    /** One page as anonymous readers get it, once per encoding: the bytes the baseline serves as /<name>. */
    const fetchPage = async (pathname: string, name: string) => {
      const bodies: Partial<Record<Encoding, Buffer>> = {};
      const states: string[] = [];
      for (const encoding of [...ENCODINGS].reverse()) {
        const res = await request(pathname, { headers: { "accept-encoding": encoding }, timeoutMs: 240_000 });
        if (res.status !== 200) throw new Error(`GET ${pathname}: ${res.status}`);
        states.push(String(res.headers["x-tribune-cache"] ?? "rendered"));
        // A page the cache did not keep comes as Next sends it: the baseline gets the same
        // encodings made here, as the cache would have made them.
        const sent = res.headers["content-encoding"] ?? "identity";
        if (sent === encoding) bodies[encoding] = res.body;
        else if (encoding === "gzip") bodies.gzip = gzipSync(bodies.identity!, { level: 6 });
        else if (encoding === "br") bodies.br = brotliCompressSync(bodies.identity!, BROTLI_5);
        else throw new Error(`GET ${pathname} asked ${encoding}, got ${sent}`);
      }
      writeFileSync(path.join(staticDir, `${name}.html`), bodies.identity!);
      writeFileSync(path.join(staticDir, `${name}.gz`), bodies.gzip!);
      writeFileSync(path.join(staticDir, `${name}.br`), bodies.br!);
      const html = bodies.identity!.toString("utf8");
      return {
        pathname,
        name,
        cached: states.slice(1).every((state) => state === "hit"),
        states,
        htmlBytes: bodies.identity!.length,
        htmlGzipBytes: bodies.gzip!.length,
        htmlBrotliBytes: bodies.br!.length,
        commentElements: (html.match(/id="comment-/g) ?? []).length,
        js: await scriptBytes(html),
      };
    };
    const pages = [];
    for (const article of seeded.articles)
      pages.push({ article, ...(await fetchPage(`/${BLOG}/${article.slug}`, article.slug)) });
    const lists = [await fetchPage("/", "home"), await fetchPage(`/${BLOG}`, "blog-home")];

    /** cachedVsStatic: the page from the cache and the same bytes from the baseline, in turns, per encoding. */
    const cachedVsStatic = async (pathname: string, name: string) => {
      const cached: Record<string, unknown> = {};
      for (const encoding of ENCODINGS) {
        const headers = { "accept-encoding": encoding };
        // The cache and the baseline in turns (3 rounds each), so that the load other work
        // puts on the machine meanwhile weighs on both alike.
        const run = {
          total: Infinity,
          concurrency: CONNECTIONS,
          maxMs: quick ? 700 : 2000,
          headers,
          keepTimings: true,
        };
        const ours: LoadResult[] = [];
        const theirs: LoadResult[] = [];
        await load({ pathname, ...run, maxMs: 1000 });
        await load({ pathname: `/${name}`, ...run, maxMs: 1000, port: STATIC_PORT });
        for (let turn = 0; turn < 3; turn++) {
          ours.push(await load({ pathname, ...run }));
          theirs.push(await load({ pathname: `/${name}`, ...run, port: STATIC_PORT }));
        }
        const fromCache = combineLoads(ours);
        const fromStatic = combineLoads(theirs);
        const ratio = round(fromCache.requestsPerSecond / fromStatic.requestsPerSecond, 2);
        cached[encoding] = { ...brief(fromCache), static: brief(fromStatic), ratio };
        console.log(
          `articles: ${pathname} cached (${encoding}) ${fromCache.requestsPerSecond} req/s, p50 ${fromCache.p50Ms} ms, ` +
            `p99 ${fromCache.p99Ms} ms, ${fromCache.errors} errors; static ${fromStatic.requestsPerSecond} req/s (ratio ${ratio})`,
        );
      }
      return cached;
    };

    const baseline = await startStatic(staticDir);
    const summaries: Summary[] = [];
    try {
      for (const page of pages) {
        const { article, pathname } = page;
        console.log(`\narticles: ${pathname} (${article.comments} comments, ${article.source})`);
        let peak = { total: 0, largest: 0 };
        const sample = () => {
          if (!server) return;
          const now = rssOfGroup(server.pid);
          if (now.total > peak.total) peak = now;
        };
        const sampler = setInterval(sample, 250);
        try {
          // A page the cache did not keep (larger than its bound per page) is rendered for
          // every reader: measured once, rendered, below; not as "cached".
          const cached = page.cached ? await cachedVsStatic(pathname, article.slug) : {};
          // Whole renders of a 10,000-comment page 32 at a time would take gigabytes on a shared
          // machine: 2 connections there (the summary says so).
          const renderedConnections = article.comments > 2000 ? 2 : CONNECTIONS;
          const rendered = await load({
            pathname,
            total: quick ? 100 : 400,
            concurrency: renderedConnections,
            warmup: 4,
            maxMs: quick ? 10_000 : 30_000,
            timeoutMs: 240_000,
            headers: { cookie: seeded.cookie, "accept-encoding": "gzip" },
          });
          sample();
          console.log(
            `articles: rendered signed in ${rendered.requests} GET in ${rendered.seconds} s: ${rendered.requestsPerSecond} ` +
              `req/s, p50 ${rendered.p50Ms} ms, p99 ${rendered.p99Ms} ms, ${rendered.errors} errors; ` +
              `server RSS ${round(peak.total / 2 ** 20)} MB (largest process ${round(peak.largest / 2 ** 20)} MB)`,
          );
          summaries.push(
            report({
              bench: "articles",
              path: pathname,
              comments: article.comments,
              source: article.source,
              connections: CONNECTIONS,
              cachedOnFill: page.cached,
              htmlBytes: page.htmlBytes,
              htmlGzipBytes: page.htmlGzipBytes,
              htmlBrotliBytes: page.htmlBrotliBytes,
              commentElements: page.commentElements,
              jsChunks: page.js.chunks,
              jsGzipBytes: page.js.gzip,
              jsAboveFloorBytes: page.js.gzip - floor.gzip,
              queries: article.queries.total,
              queryDetail: article.queries,
              rendered: { ...brief(rendered), connections: renderedConnections },
              cached,
              rssBytes: peak.total,
              rssLargestProcessBytes: peak.largest,
            }),
          );
        } finally {
          clearInterval(sampler);
        }
      }
      for (const list of lists) {
        summaries.push(
          report({
            bench: "lists",
            path: list.pathname,
            connections: CONNECTIONS,
            cachedOnFill: list.cached,
            htmlBytes: list.htmlBytes,
            htmlGzipBytes: list.htmlGzipBytes,
            htmlBrotliBytes: list.htmlBrotliBytes,
            jsGzipBytes: list.js.gzip,
            cached: list.cached ? await cachedVsStatic(list.pathname, list.name) : {},
          }),
        );
      }
    } finally {
      try {
        process.kill(-baseline.pid!, "SIGTERM");
      } catch {
        // already gone
      }
    }
    summaries.push(
      report({
        bench: "javascript",
        floorGzipBytes: floor.gzip,
        floorChunks: floor.chunks,
        homeGzipBytes: lists[0]!.js.gzip,
        blogGzipBytes: lists[1]!.js.gzip,
        articleGzipBytes: Math.max(...pages.map((page) => page.js.gzip)),
        articleAboveFloorBytes: Math.max(...pages.map((page) => page.js.gzip)) - floor.gzip,
        // Which chunks make the floor, and what an article adds to it (gzipped bytes each).
        floorDetail: Object.fromEntries(floor.sources.map((src) => [src, chunkSizes.get(src)])),
        articleAdds: Object.fromEntries(
          pages[0]!.js.sources.filter((src) => !floor.sources.includes(src)).map((src) => [src, chunkSizes.get(src)]),
        ),
        host: HOST,
      }),
    );
    return summaries;
  },
};

if (isMain(import.meta.url)) await runStandalone(articlesPart);
