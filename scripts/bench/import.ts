// Benchmark: the WordPress import (lib/import) on generated WXR files of two sizes (by default
// 2 MB and 16 MB; --mb N sets the larger, --quick makes it 4 MB). Each file has articles with
// threaded comments (a quarter of the replies start with "@Name", French text, accents, «», emoji);
// each is imported into a fresh SQLite database under data/bench/. Prints the wall time, MB/s,
// comments/s, the peak JavaScript heap (under a 256 MB limit) and the resident memory above the
// process's baseline, for both sizes: the streamed reader keeps the heap flat as the file grows. Then a JSON line, and everything is removed.
// Run: npx tsx --import ./scripts/lib/register.mjs scripts/bench/import.ts [--mb 200] [--quick]
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { once } from "node:events";
import { applyMigrations } from "@/lib/db/migrations";
import { random } from "./article-text";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const LARGE_MB = Number(args[args.indexOf("--mb") + 1]) || (quick ? 4 : 16);
// The import runs with a heap this small whatever the file's size: finishing at all shows that
// memory stays bounded (the resident size also counts the render workers and freed pages).
const HEAP_MB = 256;
const SMALL_MB = Math.max(1, Math.round(LARGE_MB / 8));
const COMMENTS_PER_POST = 200;
const dir = path.resolve("data", "bench", `import-${args.includes("--one") ? process.ppid : process.pid}`);
mkdirSync(dir, { recursive: true });

const next = random(14);
const WORDS =
  "débat lecteur réseau commentaire « réponse » lien page idée communauté modération école été forêt rivière 🎉 publier répondre".split(
    " ",
  );
const NAMES = Array.from({ length: 400 }, (_, i) => `Lectrice ${i} Béland`);
const sentence = () =>
  Array.from({ length: 8 + Math.floor(next() * 12) }, () => WORDS[Math.floor(next() * WORDS.length)]).join(" ") + ".";
const cdata = (text: string) => `<![CDATA[${text}]]>`;

/** writeWxr: a WXR 1.2 file of about `mb` megabytes, written as a stream. */
async function writeWxr(file: string, mb: number): Promise<number> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(
    `<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel><title>Banc d’essai</title><link>https://banc.example</link><language>fr-CA</language><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://banc.example</wp:base_site_url><wp:base_blog_url>https://banc.example</wp:base_blog_url>\n<wp:author><wp:author_id>1</wp:author_id><wp:author_login>auteur</wp:author_login><wp:author_email>auteur@banc.example</wp:author_email><wp:author_display_name>Autrice</wp:author_display_name></wp:author>\n`,
  );
  let comments = 0;
  for (let post = 1; out.bytesWritten + out.writableLength < mb * 1024 * 1024; post++) {
    const body = Array.from({ length: 12 }, () => `<p>${sentence()} ${sentence()}</p>`).join("\n");
    await write(
      `<item><title>${cdata(`Article ${post} : ${sentence()}`)}</title><link>https://banc.example/${post}/article-${post}/</link><guid isPermaLink="false">https://banc.example/?p=${post}</guid><dc:creator>auteur</dc:creator><content:encoded>${cdata(body)}</content:encoded><wp:post_id>${post}</wp:post_id><wp:post_date>2026-01-01 10:00:00</wp:post_date><wp:post_date_gmt>2026-01-01 10:00:00</wp:post_date_gmt><wp:post_name>article-${post}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><category domain="category" nicename="banc">${cdata("Banc")}</category>\n`,
    );
    for (let c = 1; c <= COMMENTS_PER_POST; c++) {
      const id = post * 1000 + c;
      const parent = c > 1 && next() < 0.6 ? post * 1000 + Math.max(1, c - 1 - Math.floor(next() * 5)) : 0;
      const who = Math.floor(next() * NAMES.length);
      const mention = parent && next() < 0.25 ? `@${NAMES[Math.floor(next() * NAMES.length)]} ` : "";
      await write(
        `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>${cdata(NAMES[who]!)}</wp:comment_author><wp:comment_author_email>lectrice${who}@banc.example</wp:comment_author_email><wp:comment_date>2026-01-02 10:00:00</wp:comment_date><wp:comment_date_gmt>2026-01-02 10:00:00</wp:comment_date_gmt><wp:comment_content>${cdata(mention + sentence() + "\n\n" + sentence())}</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>\n`,
      );
      comments++;
    }
    await write(`</item>\n`);
  }
  await write(`</channel>\n</rss>\n`);
  out.end();
  await once(out, "finish");
  return comments;
}

type Measure = {
  mb: number;
  comments: number;
  seconds: number;
  mbPerSecond: number;
  commentsPerSecond: number;
  peakRssMb: number;
};

async function measure(mb: number): Promise<Measure> {
  const file = path.join(dir, `wxr-${mb}.xml`);
  const comments = await writeWxr(file, mb);
  const size = statSync(file).size / 1024 / 1024;
  const url = `file:${path.join(dir, `import-${mb}.db`)}`;
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  const { db, disconnectDb } = await import("@/lib/db");
  const { importWxr } = await import("@/lib/import");
  await db.user.create({
    data: {
      handle: "admin",
      handleKey: "admin",
      name: "Admin",
      nameKey: "admin",
      email: "admin@banc.example",
      role: "admin",
    },
  });
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  let heap = 0;
  // The live heap: measured right after a full collection, once a second.
  const sampler = setInterval(() => {
    global.gc?.();
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
    heap = Math.max(heap, usage.heapUsed);
  }, 1000);
  const started = performance.now();
  const report = await importWxr(file, { blog: `banc-${mb}`, actor: { kind: "operator" } });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  await disconnectDb();
  if (report.comments.created !== comments)
    throw new Error(`${report.comments.created} of ${comments} comments imported`);
  const round = (n: number) => Math.round(n * 10) / 10;
  const result = {
    mb: round(size),
    comments,
    seconds: round(seconds),
    mbPerSecond: Math.round((size / seconds) * 100) / 100,
    commentsPerSecond: Math.round(comments / seconds),
    peakRssMb: round((peak - baseline) / 1024 / 1024),
    peakHeapMb: round(heap / 1024 / 1024),
  };
  console.log(
    `import: ${result.mb} MB, ${comments} comments in ${result.seconds} s (${result.mbPerSecond} MB/s, ${result.commentsPerSecond} comments/s), live heap at most ${result.peakHeapMb} MB (limit ${HEAP_MB} MB), resident +${result.peakRssMb} MB`,
  );
  return result;
}

/** Each size in its own process: a fresh database client and a memory baseline of its own. */
function child(mb: number): Measure {
  const result = spawnSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, "--expose-gc", ...process.execArgv, process.argv[1]!, "--one", String(mb)],
    {
      stdio: ["ignore", "pipe", "inherit"],
      encoding: "utf8",
    },
  );
  process.stdout.write(
    result.stdout
      .split("\n")
      .filter((line) => !line.startsWith("{"))
      .join("\n"),
  );
  if (result.status !== 0) throw new Error(`import bench (${mb} MB) failed`);
  return JSON.parse(result.stdout.split("\n").find((line) => line.startsWith("{"))!) as Measure;
}

if (args.includes("--one")) {
  console.log(JSON.stringify(await measure(Number(args[args.indexOf("--one") + 1]))));
  process.exit(0);
}
try {
  const small = child(SMALL_MB);
  const large = child(LARGE_MB);
  console.log(JSON.stringify({ bench: "import", small, large }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
