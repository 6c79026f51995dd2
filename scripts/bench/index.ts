// npm run bench: every benchmark, one after the other, then a table and data/bench/results.json.
//   markdown  renders/s of a 2,000-word article (scripts/bench/markdown.ts, in its own process)
//   markdown-bounds  the hostile-markdown corpus through the render workers: worst time to a
//             refusal or a render, main thread's event-loop delay (markdown-bounds.ts, own process)
//   page      the demo debate on the production server, from the page cache and rendered: req/s, p50/p99
//   comments  an article with 1,000 comments: queries, HTML and JS bytes, req/s (comments.ts)
//   articles  articles with 0, 200, 1,000 (the WordPress thread) and 10,000 comments at 32
//             connections: rendered signed in and cached in each encoding beside a static
//             baseline, bytes, JavaScript (and the empty page's floor), queries, RSS (articles.ts)
//   posting   comment POST latency under 50 readers, live events (posting.ts)
//   queue     the moderation queue with 10,000 waiting comments: queries, p50/p95 signed in (queue.ts)
//   thread    the real WordPress thread /bench/mille signed in: bytes, req/s at 32 connections, static baseline (thread.ts)
//   search    p50 over 100,000 posts on SQLite (search.ts, in its own process; --pg: PostgreSQL too)
//   export    npm run export and import:json of 100,000 comments: time, CPU, file size, live heap (export.ts, own process)
//   import    WordPress import of generated 2 MB and 16 MB files: time, comments/s, peak heap (import.ts)
// Options: --only=page,comments (a selection), --quick (fewer requests, 20,000 posts), --pg.
// The server parts share one fresh database under data/bench/ and one production server on
// 127.0.0.1:3210; both are removed at the end, as are the search databases. The results go to
// bench/results.json (the latest run is committed) and data/bench/results.json.
// Run: npm run bench [-- --quick] [-- --only=markdown,search] [-- --pg]
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { articlesPart } from "./articles";
import { commentsPart } from "./comments";
import { BENCH_DIR, parseOptions, round, runServerParts, type Summary } from "./lib";
const CONNECTIONS = 32;
import { pagePart } from "./page";
import { postingPart } from "./posting";
import { queuePart } from "./queue";
import { threadPart } from "./thread";

const PARTS = [
  "markdown",
  "markdown-bounds",
  "page",
  "comments",
  "posting",
  "queue",
  "thread",
  "articles",
  "search",
  "export",
  "import",
] as const;
const options = parseOptions();
const unknown = options.only?.filter((name) => !(PARTS as readonly string[]).includes(name)) ?? [];
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(", ")}. Choose among ${PARTS.join(", ")}.`);
  process.exit(2);
}
const selected = (name: (typeof PARTS)[number]) => !options.only || options.only.includes(name);

/** A benchmark script in its own process; returns the JSON summary lines it printed. */
function script(file: string, args: string[] = []): Summary[] {
  const tsx = path.resolve("node_modules", ".bin", "tsx");
  const result = spawnSync(tsx, ["--import", "./scripts/lib/register.mjs", file, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  process.stdout.write(result.stdout ?? "");
  if (result.status !== 0) throw new Error(`${file} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
  return (result.stdout ?? "")
    .split("\n")
    .filter((line) => line.startsWith('{"bench":'))
    .map((line) => JSON.parse(line) as Summary);
}

const started = performance.now();
const results: Summary[] = [];
const failures: string[] = [];
async function step(name: string, work: () => Summary[] | Promise<Summary[]>) {
  try {
    results.push(...(await work()));
  } catch (error) {
    console.error(`✖ bench ${name}: ${(error as Error).stack ?? error}`);
    failures.push(name);
  }
}

if (selected("markdown")) {
  console.log("\n▶ bench markdown");
  await step("markdown", () => script("scripts/bench/markdown.ts"));
}
if (selected("markdown-bounds")) {
  console.log("\n▶ bench markdown-bounds");
  await step("markdown-bounds", () => script("scripts/bench/markdown-bounds.ts"));
}
// The heaviest page (1,000 comments) last, so its garbage does not weigh on the other figures.
const serverParts = [pagePart, postingPart, queuePart, threadPart, commentsPart, articlesPart].filter((part) =>
  selected(part.name as never),
);
if (serverParts.length)
  await step(serverParts.map((p) => p.name).join("+"), async () => {
    const { summaries, failed } = await runServerParts(serverParts, options);
    failures.push(...failed);
    return summaries;
  });
if (selected("search")) {
  const posts = options.quick ? ["--posts", "20000"] : [];
  console.log("\n▶ bench search (SQLite)");
  await step("search", () => script("scripts/bench/search.ts", posts));
  if (options.pg) {
    console.log("\n▶ bench search (PostgreSQL)");
    await step("search --pg", () => script("scripts/bench/search.ts", ["--pg", ...posts]));
  }
}

if (selected("export")) {
  console.log("\n▶ bench export");
  await step("export", () => script("scripts/bench/export.ts", options.quick ? ["--comments", "20000"] : []));
}
if (selected("import")) {
  console.log("\n▶ bench import");
  await step("import", () => script("scripts/bench/import.ts", options.quick ? ["--quick"] : []));
}

// ---------------------------------------------------------------------------------------------
// The table

const rows: [string, string, string][] = [];
const get = (bench: string, db?: string) => results.find((r) => r.bench === bench && (!db || r.db === db));
const n = (value: unknown) => (typeof value === "number" ? value.toLocaleString("en-US") : String(value));
const markdown = get("markdown");
if (markdown)
  rows.push([
    "markdown",
    "2,000-word article",
    `${n(markdown.rendersPerSecond)} renders/s (mean ${n(markdown.meanMs)} ms)`,
  ]);
const bounds = get("markdown-bounds");
if (bounds)
  rows.push(
    [
      "markdown-bounds",
      `${n(bounds.texts)} hostile texts, worst (comment 5,000 / article 50,000 chars)`,
      `${n(bounds.worstCorpusMs)} ms (target < 1,000): comment ${n(bounds.worstCommentMs)} ms, article ${n(bounds.worstArticleMs)} ms`,
    ],
    [
      "markdown-bounds",
      "worst at the longest article (200,000 chars)",
      `${n(bounds.worstLongestArticleMs)} ms (${String(bounds.worstLongestArticle)})`,
    ],
    [
      "markdown-bounds",
      "main thread meanwhile; ordinary articles",
      `event loop max ${n(bounds.eventLoopMaxMs)} ms; 2,000 words ${n(bounds.ordinary2000WordsMs)} ms, 25,000 words ${n(bounds.ordinary25000WordsMs)} ms`,
    ],
  );
const page = get("page");
if (page)
  rows.push(
    ["page", `debate, anonymous (page cache), ${n(page.requests)} GET, c=16`, `${n(page.requestsPerSecond)} req/s`],
    ["page", "latency", `p50 ${n(page.p50Ms)} ms, p99 ${n(page.p99Ms)} ms, ${n(page.errors)} errors`],
    [
      "page",
      `debate, rendered per request, ${n((page.rendered as Summary).requests)} GET, c=16`,
      `${n((page.rendered as Summary).requestsPerSecond)} req/s`,
    ],
    [
      "page",
      "latency",
      `p50 ${n((page.rendered as Summary).p50Ms)} ms, p99 ${n((page.rendered as Summary).p99Ms)} ms, ${n((page.rendered as Summary).errors)} errors`,
    ],
  );
const comments = get("comments");
if (comments)
  rows.push(
    ["comments", "queries, 10 vs 1,000 comments", `${n(comments.queries10)} vs ${n(comments.queries1000)}`],
    ["comments", "HTML (raw / gzip)", `${n(comments.htmlBytes)} / ${n(comments.htmlGzipBytes)} bytes`],
    ["comments", `JS, ${n(comments.scriptChunks)} chunks (gzip)`, `${n(comments.jsGzipBytes)} bytes`],
    ["comments", `${n(comments.requests)} GET rendered per request, c=8`, `${n(comments.requestsPerSecond)} req/s`],
    ["comments", "latency", `p50 ${n(comments.p50Ms)} ms, p99 ${n(comments.p99Ms)} ms, ${n(comments.errors)} errors`],
  );
const thread = get("thread");
if (thread) {
  const signedIn = thread.signedIn as Summary;
  const baseline = thread.baseline as Summary;
  rows.push(
    [
      "thread",
      `${String(thread.article)}, first page (raw / gzip)`,
      `signed in ${n(thread.htmlBytes)} / ${n(thread.htmlGzipBytes)} bytes, visitor ${n(thread.visitorHtmlBytes)} / ${n(thread.visitorHtmlGzipBytes)} (targets 938,000 / 77,000)`,
    ],
    [
      "thread",
      "every comment reachable",
      `${n(thread.reachableComments)}/${n(thread.comments)} over ${n(thread.pagesLinked)} pages`,
    ],
    [
      "thread",
      `signed in, c=32, ${n(signedIn.requests)} GET`,
      `${n(signedIn.requestsPerSecond)} req/s (target 85), p99 ${n(signedIn.p99Ms)} ms; alone p50 ${n(thread.aloneP50Ms)} ms (target 50)`,
    ],
    [
      "thread",
      "baseline: the same gzipped bytes from a plain Node server, c=32",
      `${n(baseline.requestsPerSecond)} req/s, p99 ${n(baseline.p99Ms)} ms`,
    ],
  );
}
const posting = get("posting");
if (posting)
  rows.push(
    [
      "posting",
      `${n(posting.posted)}/${n(posting.comments)} POST under ${n(posting.readers)} readers${posting.notAttempted ? ` (${n(posting.writeLimitS)} s limit)` : ""}`,
      `p50 ${n(posting.postP50Ms)} ms (target < 50), p95 ${n(posting.postP95Ms)} ms, p99 ${n(posting.postP99Ms)} ms`,
    ],
    [
      "posting",
      `${n(posting.idlePosted)} POST without readers`,
      `p50 ${n(posting.idleP50Ms)} ms, max ${n(posting.idleMaxMs)} ms`,
    ],
    [
      "posting",
      "readers meanwhile",
      `${n(posting.readerRequestsPerSecond)} req/s, p50 ${n(posting.readerP50Ms)} ms, p99 ${n(posting.readerP99Ms)} ms, ${n(posting.readerErrors)} errors`,
    ],
    [
      "posting",
      `live events, ${n(posting.liveStreams)} streams`,
      `${(posting.liveEventsPerStream as number[]).join(", ")}`,
    ],
  );
const queue = get("queue");
if (queue)
  rows.push(
    [
      "queue",
      `${n(queue.waiting)} waiting: listQueue queries (first page / after 5,000 items), countWaiting`,
      `${n(queue.queriesFirstPage)} / ${n(queue.queriesDeepPage)}, ${n(queue.queriesCountWaiting)}`,
    ],
    [
      "queue",
      `${n(queue.requests)} GET queue page as moderator, c=4`,
      `p50 ${n(queue.p50Ms)} ms, p95 ${n(queue.p95Ms)} ms, ${n(queue.errors)} errors`,
    ],
  );
for (const search of results.filter((r) => r.bench === "search"))
  rows.push([
    "search",
    `${n(search.posts)} posts, ${search.db}`,
    `p50 ${n(search.p50Ms)} ms, p95 ${n(search.p95Ms)} ms, p99 ${n(search.p99Ms)} ms`,
  ]);
const exported = get("export");
if (exported)
  rows.push(
    [
      "export",
      `instance: ${n(exported.people)} people, ${n(exported.posts)} posts, ${n(exported.comments)} comments (${n(exported.fileMb)} MB)`,
      `export ${n(exported.exportSeconds)} s (CPU ${n(exported.exportCpuSeconds)} s), live heap ${n(exported.exportBaseHeapMb)} → ${n(exported.exportPeakHeapMb)} MB`,
    ],
    [
      "export",
      "import:json into an empty database (search index included)",
      `${n(exported.importSeconds)} s (CPU ${n(exported.importCpuSeconds)} s), live heap ${n(exported.importBaseHeapMb)} → ${n(exported.importPeakHeapMb)} MB`,
    ],
  );

const imported = get("import");
if (imported)
  for (const size of [imported.small, imported.large] as Summary[])
    rows.push([
      "import",
      `WXR ${n(size.mb)} MB, ${n(size.comments)} comments (SQLite)`,
      `${n(size.seconds)} s, ${n(size.commentsPerSecond)} comments/s, live heap ≤ ${n(size.peakHeapMb)} MB`,
    ]);

// Articles by size: one line each, every figure beside its baseline.
const mb = (bytes: unknown) => `${n(round(Number(bytes) / 2 ** 20))} MB`;
const speed = (run: Summary) => `${n(run.requestsPerSecond)} (${n(run.p50Ms)}/${n(run.p99Ms)})`;
const articleRows = results
  .filter((r) => r.bench === "articles" || r.bench === "lists")
  .map((r) => {
    const cached = r.cached as Record<string, Summary & { static: Summary; ratio: number }>;
    const encoding = (name: string) =>
      cached[name]
        ? `${speed(cached[name])} vs ${n(cached[name].static.requestsPerSecond)} = ${n(cached[name].ratio)}×`
        : "not kept (too large)";
    if (r.bench === "lists")
      return [
        `${r.path === "/" ? "home page" : "blog home"} (${String(r.path)})`,
        "—",
        encoding("br"),
        encoding("gzip"),
        encoding("identity"),
        `${n(r.htmlBytes)} (${n(r.htmlGzipBytes)})`,
        n(r.jsGzipBytes),
        "—",
        "—",
      ];
    return [
      `${n(r.comments)} (${String(r.path)})`,
      speed(r.rendered as Summary),
      encoding("br"),
      encoding("gzip"),
      encoding("identity"),
      `${n(r.htmlBytes)} (${n(r.htmlGzipBytes)})`,
      n(r.jsGzipBytes),
      n(r.queries),
      `${mb(r.rssBytes)} (${mb(r.rssLargestProcessBytes)})`,
    ];
  });
const js = get("javascript");

const widths = [0, 1, 2].map((i) =>
  Math.max(...[["Benchmark", "Measure", "Result"], ...rows].map((row) => row[i]!.length)),
);
const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
const seconds = round((performance.now() - started) / 1000);
console.log(
  `\nBenchmarks (${os.cpus().length} CPUs, Node ${process.version}, ${seconds} s${options.quick ? ", --quick" : ""})\n`,
);
console.log(
  [
    line(["Benchmark", "Measure", "Result"]),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...rows.map(line),
  ].join("\n"),
);

if (articleRows.length) {
  const head = [
    "comments (page)",
    "signed in (shell + layer): req/s (p50/p99 ms)",
    "cached br: req/s (p50/p99) vs static = ratio",
    "cached gzip",
    "cached, no encoding",
    "HTML bytes (gzip)",
    "JS gzip",
    "queries",
    "server RSS (largest process)",
  ];
  const w = head.map((_, i) => Math.max(...[head, ...articleRows].map((row) => row[i]!.length)));
  const row = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(w[i]!)).join(" | ")} |`;
  console.log(`\nArticles at ${CONNECTIONS} connections, beside a static Node server of the same bytes\n`);
  console.log([row(head), `|${w.map((x) => "-".repeat(x + 2)).join("|")}|`, ...articleRows.map(row)].join("\n"));
}
if (js)
  console.log(
    `\nJavaScript (gzip): empty page (404, the floor) ${n(js.floorGzipBytes)} bytes; home ${n(js.homeGzipBytes)}; ` +
      `blog home ${n(js.blogGzipBytes)}; article ${n(js.articleGzipBytes)}, ${n(js.articleAboveFloorBytes)} above the floor (target ≤ 15,360)`,
  );

mkdirSync(BENCH_DIR, { recursive: true });
mkdirSync("bench", { recursive: true });
const file = path.join(BENCH_DIR, "results.json");
const committed = path.join("bench", "results.json");
const json = `${JSON.stringify(
  {
    date: new Date().toISOString(),
    options,
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memoryGb: round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    seconds,
    failures,
    results,
  },
  null,
  2,
)}\n`;
writeFileSync(file, json);
writeFileSync(committed, json);
console.log(
  `\nWrote ${committed} and ${path.relative(".", file)}${failures.length ? `; FAILED: ${failures.join(", ")}` : ""}`,
);
process.exit(failures.length ? 1 : 0);
