// Benchmark: search p50 over 100,000 generated posts. Creates a temporary database (a SQLite file
// under data/bench/, or with --pg a uniquely named PostgreSQL database), migrates it, inserts
// 100,000 French and English articles across 3 blogs with multi-row INSERTs, indexes them with
// reindexAll, runs ~200 varied queries through searchPosts, prints p50/p95/p99 and a JSON line,
// and removes the database.
// Run: npx tsx --import ./scripts/lib/register.mjs scripts/bench/search.ts [--pg] [--posts N] [--keep]
import { rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { applyMigrations, dropPgDatabase, sqlitePathOf } from "@/lib/db/migrations";
import { env } from "@/lib/env.js";
import { random } from "./article-text";

const args = process.argv.slice(2);
const usePg = args.includes("--pg");
const keep = args.includes("--keep");
const POSTS = Number(args[args.indexOf("--posts") + 1]) || 100_000;
const ROWS_PER_INSERT = 500;
const QUERIES = 200;
const WARMUP = 20;

// Vocabulary, most frequent first (sampling follows Zipf's law, as prose does).
const FR = (
  "blog article commentaire lecteur débat réseau discussion réponse lien page texte idée communauté modération " +
  "règle confiance temps année semaine journal médias hebdo région ville quartier école travail famille histoire " +
  "politique culture musique livre cinéma théâtre élection municipalité conseil budget projet citoyen opinion " +
  "chronique éditorial rédaction journaliste presse radio télévision numérique internet plateforme algorithme " +
  "abonnement publicité revenu kiosque imprimerie papier archive mémoire patrimoine église village campagne " +
  "agriculture forêt rivière lac hiver printemps été automne neige tempête énergie transport autobus vélo " +
  "logement loyer santé hôpital médecin éducation université étudiant recherche science données vie privée " +
  "sécurité liberté expression censure vérité rumeur désinformation vérification source témoignage entrevue " +
  "écrire lire publier répondre apprendre comprendre ouvrir fermer garder partager chercher trouver débattre " +
  "modérer signaler bloquer supprimer corriger citer traduire important simple difficile nouveau ancien petit " +
  "grand public privé local régional national ensemble toujours souvent parfois jamais pourquoi comment " +
  "bibliothèque festival bénévole coopérative épicerie marché fromagerie érablière traversier phare marée"
).split(" ");
const EN = (
  "blog post comment reader debate network discussion answer link page text idea community moderation rule " +
  "trust time year week newspaper media weekly region city neighbourhood school work family history politics " +
  "culture music book film theatre election council budget project citizen opinion column editorial newsroom " +
  "journalist press radio television digital internet platform algorithm subscription advertising revenue " +
  "archive memory heritage church village countryside farming forest river lake winter spring summer autumn " +
  "snow storm energy transit bus bicycle housing rent health hospital doctor education university student " +
  "research science data privacy security freedom speech censorship truth rumour misinformation verification " +
  "source testimony interview write read publish reply learn understand open close keep share search find " +
  "moderate report block delete correct quote translate important simple difficult new old small large public " +
  "private local regional national together always often sometimes never why how library festival volunteer " +
  "cooperative grocery market cheese lighthouse tide ferry garden"
).split(" ");
const GLUE = {
  fr: "le la les un une des du de et ou mais donc car dans sur pour avec sans".split(" "),
  en: "the a an and or but so for with without in on of to".split(" "),
};

const next = random(7);
const zipf = (words: string[]) => words[Math.floor(words.length * next() ** 1.6)]!;
const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
// Places and people: a long tail of rare words, as real articles have.
const SYLLABLES =
  "ka mou ras ri vi ère sa gue nay beau ce lo tan ville mont port mar chi bou lac ton ley ham ford".split(" ");
const NAMES = Array.from({ length: 3000 }, () =>
  Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(SYLLABLES)).join(""),
);

function sentence(language: "fr" | "en"): string {
  const vocabulary = language === "fr" ? FR : EN;
  const words = Array.from({ length: 6 + Math.floor(next() * 12) }, () =>
    next() < 0.35 ? pick(GLUE[language]) : next() < 0.3 ? pick(NAMES) : zipf(vocabulary),
  );
  if (next() < 0.1) words[1] = `*${words[1]}*`;
  const text = words.join(" ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function article(language: "fr" | "en"): { title: string; body: string } {
  const title = sentence(language).replace(/[.*]/g, "");
  const paragraphs = Array.from({ length: 2 + Math.floor(next() * 4) }, () =>
    Array.from({ length: 2 + Math.floor(next() * 4) }, () => sentence(language)).join(" "),
  );
  if (next() < 0.3) paragraphs.splice(1, 0, `## ${sentence(language).replace(/[.*]/g, "")}`);
  return { title, body: paragraphs.join("\n\n") };
}

const adminUrl = env.PG_ADMIN_URL;
const stamp = `${Date.now().toString(36)}_${process.pid}`;
const pgName = `tribune_bench_${stamp}`;
const databaseUrl = usePg
  ? Object.assign(new URL(adminUrl), { pathname: `/${pgName}` }).toString()
  : `file:${path.join("data", "bench", `search-${stamp}.db`)}`;
// lib/db reads DATABASE_URL on first use: set it before anything imports it.
process.env.DATABASE_URL = databaseUrl;

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function main() {
  await applyMigrations(databaseUrl);
  const { db, disconnectDb } = await import("@/lib/db");
  const { reindexAll, searchPosts } = await import("@/lib/search");
  const sqlite = !usePg;
  const ph = (n: number) => Array.from({ length: n }, (_, i) => (sqlite ? "?" : `$${i + 1}`));

  try {
    let started = performance.now();
    const now = new Date();
    await db.user.create({
      data: {
        id: "bench_author",
        handle: "bench",
        handleKey: "bench",
        name: "Bench",
        nameKey: "bench",
        email: "bench@example.test",
      },
    });
    const blogs = [
      { id: "bench_fr1", slug: "carnet", name: "Le carnet", language: "fr" as const },
      { id: "bench_fr2", slug: "chroniques", name: "Chroniques", language: "fr" as const },
      { id: "bench_en", slug: "margins", name: "Open Margins", language: "en" as const },
    ];
    await db.blog.createMany({ data: blogs });
    const tags = [...FR.slice(0, 15), ...EN.slice(0, 15)].map((name, i) => ({
      id: `bench_tag_${i}`,
      slug: `tag-${i}`,
      name,
    }));
    await db.tag.createMany({ data: tags });

    const columns = `(id, "blogId", "authorId", slug, title, "bodySource", "bodyHtml", status, "publishedAt", "createdAt", "updatedAt")`;
    for (let first = 0; first < POSTS; first += ROWS_PER_INSERT) {
      const count = Math.min(ROWS_PER_INSERT, POSTS - first);
      const values: unknown[] = [];
      const links: unknown[] = [];
      for (let i = first; i < first + count; i++) {
        const blog = blogs[i % 3]!;
        const { title, body } = article(blog.language);
        const roll = next();
        const status = roll < 0.02 ? "draft" : "published";
        const publishedAt =
          status === "draft"
            ? null
            : new Date(now.getTime() + (roll > 0.99 ? 1 : -1) * Math.floor(next() * 3 * 365 * 86_400_000));
        const html = body
          .split("\n\n")
          .map((p) => `<p>${p}</p>`)
          .join("\n");
        values.push(
          `bench_${i}`,
          blog.id,
          "bench_author",
          `post-${i}`,
          title,
          body,
          html,
          status,
          publishedAt,
          now,
          now,
        );
        const tagBase = blog.language === "fr" ? 0 : 15;
        for (const t of new Set([Math.floor(next() ** 2 * 15), Math.floor(next() ** 2 * 15)]))
          links.push(`bench_${i}`, tags[tagBase + t]!.id);
      }
      const p = ph(values.length);
      const rows = Array.from({ length: count }, (_, r) => `(${p.slice(r * 11, r * 11 + 11).join(", ")})`);
      const q = ph(links.length);
      const tagRows = Array.from({ length: links.length / 2 }, (_, r) => `(${q[r * 2]}, ${q[r * 2 + 1]})`);
      await db.$transaction([
        db.$executeRawUnsafe(`INSERT INTO "Post" ${columns} VALUES ${rows.join(", ")}`, ...values),
        db.$executeRawUnsafe(`INSERT INTO "PostTag" ("postId", "tagId") VALUES ${tagRows.join(", ")}`, ...links),
      ]);
    }
    const generateS = seconds(started);
    console.log(`generated ${POSTS} posts in ${generateS} s`);

    started = performance.now();
    const indexed = await reindexAll();
    const indexS = seconds(started);
    console.log(`indexed ${indexed} posts in ${indexS} s`);

    const queries: { q: string; blogSlug?: string; kind: string }[] = [];
    const kinds = [
      () => ({ kind: "common", q: pick(next() < 0.5 ? FR.slice(0, 12) : EN.slice(0, 12)) }),
      () => ({ kind: "rare", q: next() < 0.5 ? pick(NAMES) : pick(next() < 0.5 ? FR.slice(-40) : EN.slice(-40)) }),
      () => ({
        kind: "unaccented",
        q: pick(FR.filter((w) => /[^a-z]/.test(w)))
          .normalize("NFD")
          .replace(/\p{M}/gu, ""),
      }),
      () => ({ kind: "accented", q: pick(FR.filter((w) => /[^a-z]/.test(w))).toUpperCase() }),
      () => ({ kind: "two words", q: `${zipf(FR)} ${zipf(FR)} ` }),
      () => ({ kind: "two words", q: `${zipf(EN)} ${zipf(EN)}` }),
      () => ({ kind: "prefix", q: pick(FR).slice(0, 4) }),
      () => ({ kind: "blog", q: zipf(FR), blogSlug: pick(blogs).slug }),
    ];
    for (let i = 0; i < QUERIES + WARMUP; i++) queries.push(kinds[i % kinds.length]!());

    const timings: number[] = [];
    const byKind = new Map<string, number[]>();
    let hits = 0;
    for (const [i, query] of queries.entries()) {
      const t = performance.now();
      const { total } = await searchPosts(query);
      const ms = performance.now() - t;
      if (i < WARMUP) continue;
      hits += total > 0 ? 1 : 0;
      timings.push(ms);
      byKind.set(query.kind, [...(byKind.get(query.kind) ?? []), ms]);
    }
    timings.sort((a, b) => a - b);
    const [p50, p95, p99] = [0.5, 0.95, 0.99].map((p) => Number(percentile(timings, p).toFixed(1)));
    console.log(`${timings.length} queries (${hits} with results): p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms`);
    for (const [kind, list] of byKind) {
      list.sort((a, b) => a - b);
      console.log(
        `  ${kind.padEnd(11)} p50 ${percentile(list, 0.5).toFixed(1)} ms, max ${list.at(-1)!.toFixed(1)} ms (${list.length})`,
      );
    }
    console.log(
      JSON.stringify({
        bench: "search",
        db: usePg ? "postgresql" : "sqlite",
        posts: POSTS,
        p50Ms: p50,
        p95Ms: p95,
        p99Ms: p99,
        generateS: Number(generateS),
        indexS: Number(indexS),
      }),
    );
  } finally {
    await disconnectDb();
    if (keep) console.log(`kept ${databaseUrl}`);
    else if (usePg) await dropPgDatabase(adminUrl, pgName);
    else for (const suffix of ["", "-wal", "-shm"]) rmSync(`${sqlitePathOf(databaseUrl)}${suffix}`, { force: true });
  }
}

await main();
process.exit(0);
