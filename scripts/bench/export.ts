// Benchmark: export and import of a large instance (issue 14, item 5). Creates a temporary SQLite
// database under data/bench/, fills it with multi-row INSERTs (1,000 people, 2 blogs, 5,000
// articles, 100,000 comments in threads up to 6 deep, 50,000 likes), times npm run export's
// exportToFile and npm run import:json's importExport into a second fresh database, samples the
// process's heap meanwhile (bounded memory: it must stay far below the file's size), prints a
// JSON line, and removes both databases and the file.
// Run: npx tsx --import ./scripts/lib/register.mjs scripts/bench/export.ts [--comments N]
import { createReadStream, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import { applyMigrations } from "@/lib/db/migrations";
import { BENCH_DIR, round } from "./lib";

const args = process.argv.slice(2);
const COMMENTS = Number(args[args.indexOf("--comments") + 1]) || 100_000;
const PEOPLE = 1_000;
const POSTS = 5_000;
const LIKES = COMMENTS / 2;
const CHUNK = 500;

mkdirSync(BENCH_DIR, { recursive: true });
const stamp = Date.now().toString(36);
const source = path.join(BENCH_DIR, `export-src-${stamp}.db`);
const target = path.join(BENCH_DIR, `export-dst-${stamp}.db`);
const file = path.join(BENCH_DIR, `export-${stamp}.json`);
// A full collection before each sample, so the figure is memory kept alive, not garbage awaiting collection.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const removeAll = () => {
  for (const base of [source, target]) for (const s of ["", "-wal", "-shm"]) rmSync(base + s, { force: true });
  rmSync(file, { force: true });
};

/**
 * measured: runs `work` while sampling the live heap every 250 ms (after a full collection:
 * garbage not yet collected is not memory the work keeps); returns its time, CPU time, and the
 * heap before and at its highest.
 */
async function measured<T>(
  work: () => Promise<T>,
): Promise<{ result: T; seconds: number; peakHeapMb: number; baseHeapMb: number; cpuSeconds: number }> {
  gc();
  const base = process.memoryUsage().heapUsed;
  const cpu = process.cpuUsage();
  let peak = base;
  const timer = setInterval(() => {
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 250);
  const started = performance.now();
  try {
    const result = await work();
    const used = process.cpuUsage(cpu);
    return {
      result,
      seconds: round((performance.now() - started) / 1000),
      cpuSeconds: round((used.user + used.system) / 1e6),
      peakHeapMb: round(peak / 1e6),
      baseHeapMb: round(base / 1e6),
    };
  } finally {
    clearInterval(timer);
  }
}

try {
  process.env.DATABASE_URL = `file:${source}`;
  await applyMigrations(`file:${source}`);
  await applyMigrations(`file:${target}`);
  const { db, disconnectDb, newId } = await import("@/lib/db");
  const { exportToFile, importExport } = await import("@/lib/export");
  const inChunks = async <T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
  };

  // Filled in a function of its own, so the generated rows are garbage before anything is measured.
  const fill = async () => {
    const filled = performance.now();
    const people = Array.from({ length: PEOPLE }, (_, i) => ({
      id: newId(),
      handle: `personne${i}`,
      handleKey: `personne${i}`,
      name: `Personne Numéro ${i} « ${i % 7 ? "é" : "😀"} »`,
      nameKey: `personne numero ${i}`,
      email: `p${i}@example.test`,
    }));
    await inChunks(people, (data) => db.user.createMany({ data }));
    const blogs = ["carnet", "hebdo"].map((slug) => ({ id: newId(), slug, name: slug }));
    await db.blog.createMany({ data: blogs });
    await db.membership.createMany({
      data: blogs.map((b, i) => ({ blogId: b.id, userId: people[i]!.id, role: "owner" })),
    });
    const body = "Un article **assez long** pour peser, avec des accents, « des guillemets » et un lien. ".repeat(20);
    const posts = Array.from({ length: POSTS }, (_, i) => ({
      id: newId(),
      blogId: blogs[i % 2]!.id,
      authorId: people[i % 2]!.id,
      slug: `article-${i}`,
      title: `Article ${i}`,
      bodySource: body,
      bodyHtml: `<p>${body}</p>`,
      status: "published",
      publishedAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000),
    }));
    await inChunks(posts, (data) => db.post.createMany({ data }));
    // Threads: every sixth comment starts a thread, the next five each reply to the one before.
    const comments = Array.from({ length: COMMENTS }, (_, i) => ({
      id: newId(),
      postId: posts[Math.floor(i / 20) % POSTS]!.id,
      authorId: i % 5 === 4 ? null : people[i % PEOPLE]!.id,
      guestName: i % 5 === 4 ? "Visiteur" : null,
      guestEmail: i % 5 === 4 ? "v@example.test" : null,
      bodySource: "Une réponse, avec un peu de texte pour faire bonne mesure.",
      bodyHtml: "<p>Une réponse, avec un peu de texte pour faire bonne mesure.</p>",
      createdAt: new Date(Date.UTC(2024, 6, 1) + i * 1000),
      parentId: null as string | null,
    }));
    comments.forEach((c, i) => {
      if (i % 6 && comments[i - 1]!.postId === c.postId) c.parentId = comments[i - 1]!.id;
    });
    await inChunks(comments, (data) => db.comment.createMany({ data }));
    const likes = Array.from({ length: LIKES }, (_, i) => ({
      id: newId(),
      commentId: comments[i]!.id,
      userId: people[(i + 1) % PEOPLE]!.id,
    }));
    await inChunks(likes, (data) => db.reaction.createMany({ data }));
    console.log(`export bench: ${COMMENTS} comments generated in ${round((performance.now() - filled) / 1000)} s`);
  };
  await fill();

  const exported = await measured(() => exportToFile({ kind: "instance" }, file));
  const bytes = statSync(file).size;
  console.log(`export: ${JSON.stringify({ ...exported, result: undefined })}, ${round(bytes / 1e6)} MB`);

  await disconnectDb();
  process.env.DATABASE_URL = `file:${target}`;
  const imported = await measured(() => importExport(createReadStream(file)));
  console.log(`import: ${JSON.stringify({ ...imported, result: undefined })}`);
  const count = await db.comment.count();
  if (count !== COMMENTS) throw new Error(`imported ${count} comments, expected ${COMMENTS}`);
  await disconnectDb();

  console.log(
    JSON.stringify({
      bench: "export",
      comments: COMMENTS,
      posts: POSTS,
      people: PEOPLE,
      fileMb: round(bytes / 1e6),
      exportSeconds: exported.seconds,
      exportCpuSeconds: exported.cpuSeconds,
      exportBaseHeapMb: exported.baseHeapMb,
      exportPeakHeapMb: exported.peakHeapMb,
      importSeconds: imported.seconds,
      importCpuSeconds: imported.cpuSeconds,
      importBaseHeapMb: imported.baseHeapMb,
      importPeakHeapMb: imported.peakHeapMb,
    }),
  );
} finally {
  removeAll();
}
