// Benchmark: an article with 1,000 comments. Writes (with Prisma, before the server starts) a
// published post of the demo blog with 1,000 approved comments in threads up to 6 deep by 50
// authors, and a post with 10 comments; then reports
//   (a) the queries of the page's data loads (getPublicPost + listThread) for 10 and 1,000 comments,
//   (b) the page's HTML bytes (raw and gzipped), (c) the gzipped size of its <script src> chunks
//   (noModule ones excluded), (d) requests/second and p50/p99 for the page (300 GETs,
//   concurrency 8, after 10 warm-up, stopping after 60 s; --quick: 100 and 20 s).
// Run: npx tsx --import ./scripts/lib/register.mjs scripts/bench/comments.ts [--quick]
import { gunzipSync, gzipSync } from "node:zlib";
import { DEBATE, isMain, load, report, request, runStandalone, type ServerPart, RENDER } from "./lib";
import { random } from "./article-text";

const COMMENTS = 1000;
const AUTHORS = 50;
const MAX_DEPTH = 6;

const WORDS = (
  "je pense que la modération est un travail qui demande du temps et de la confiance mais les lecteurs " +
  "répondent souvent mieux quand la règle est claire publique et appliquée avec constance sans exception"
).split(" ");

type Seeded = {
  blogSlug: string;
  big: { slug: string; queries: QueryCount };
  small: { slug: string; queries: QueryCount };
};
export type QueryCount = { getPublicPost: number; listThread: number; total: number };

export async function queryCount(blogId: string, slug: string): Promise<QueryCount> {
  const { captureQueries } = await import("@/lib/db");
  const { getPublicPost } = await import("@/lib/posts/public-post");
  const { listThread } = await import("@/lib/comments");
  const statements = (queries: { query: string }[]) =>
    queries.filter((q) => !/^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(q.query.trim())).length;
  const article = await captureQueries(() => getPublicPost(blogId, slug));
  if (!article.result) throw new Error(`no public article ${slug}`);
  const thread = await captureQueries(() => listThread(article.result!.id, null));
  const counts = { getPublicPost: statements(article.queries), listThread: statements(thread.queries) };
  return { ...counts, total: counts.getPublicPost + counts.listThread };
}

export const commentsPart: ServerPart<Seeded> = {
  name: "comments",
  async seed() {
    const { db } = await import("@/lib/db");
    const { renderMarkdown } = await import("@/lib/markdown");
    const { foldKey } = await import("@/lib/users/schemas");
    const blog = await db.blog.findUniqueOrThrow({
      where: { slug: DEBATE.blog },
      select: { id: true, memberships: { where: { role: "owner" }, select: { userId: true } } },
    });
    const ownerId = blog.memberships[0]!.userId;
    const next = random(1000);
    const sentence = (min: number, spread: number) => {
      const words = Array.from(
        { length: min + Math.floor(next() * spread) },
        () => WORDS[Math.floor(next() * WORDS.length)]!,
      );
      const text = words.join(" ");
      return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
    };

    await db.user.createMany({
      data: Array.from({ length: AUTHORS }, (_, i) => {
        const name = `Lectrice ${i + 1}`;
        return {
          id: `bench_author_${i}`,
          handle: `bench_lectrice_${i}`,
          handleKey: `bench_lectrice_${i}`,
          name,
          nameKey: foldKey(name),
        };
      }),
    });
    const body = Array.from({ length: 6 }, (_, i) =>
      [`## Partie ${i + 1}`, Array.from({ length: 4 }, () => sentence(12, 10)).join(" ")].join("\n\n"),
    ).join("\n\n");
    const bodyHtml = renderMarkdown(body, { kind: "article", frenchTypography: true, locale: "fr" }).html;
    const now = Date.now();
    const createPost = (slug: string, title: string) =>
      db.post.create({
        data: {
          blogId: blog.id,
          authorId: ownerId,
          slug,
          title,
          bodySource: body,
          bodyHtml,
          status: "published",
          publishedAt: new Date(now - 86_400_000),
        },
        select: { id: true, slug: true },
      });

    for (const [post, size] of [
      [await createPost("bench-mille-commentaires", "Mille commentaires"), COMMENTS],
      [await createPost("bench-dix-commentaires", "Dix commentaires"), 10],
    ] as const) {
      const depth: number[] = [];
      const rows = Array.from({ length: size }, (_, i) => {
        // A third start a thread; the others answer an earlier comment that is not yet 6 deep.
        let parent: number | null = null;
        if (i > 0 && next() > 0.33) {
          const candidate = Math.floor(i - 1 - next() ** 2 * Math.min(i, 80));
          parent = depth[candidate]! < MAX_DEPTH ? candidate : null;
        }
        depth.push(parent === null ? 1 : depth[parent]! + 1);
        const paragraphs = Array.from({ length: 1 + Math.floor(next() * 3) }, () =>
          Array.from({ length: 1 + Math.floor(next() * 3) }, () => sentence(6, 14)).join(" "),
        );
        return {
          id: `${post.slug}_${String(i).padStart(4, "0")}`,
          postId: post.id,
          parentId: parent === null ? null : `${post.slug}_${String(parent).padStart(4, "0")}`,
          authorId: `bench_author_${Math.floor(next() ** 1.5 * AUTHORS)}`,
          bodySource: paragraphs.join("\n\n"),
          bodyHtml: paragraphs.map((p) => `<p>${p}</p>`).join("\n"),
          status: "approved",
          createdAt: new Date(now - (size - i) * 60_000),
        };
      });
      for (let first = 0; first < rows.length; first += 200)
        await db.comment.createMany({ data: rows.slice(first, first + 200) });
      console.log(`comments: wrote ${size} comments on /${DEBATE.blog}/${post.slug} (max depth ${Math.max(...depth)})`);
    }
    return {
      blogSlug: DEBATE.blog,
      big: { slug: "bench-mille-commentaires", queries: await queryCount(blog.id, "bench-mille-commentaires") },
      small: { slug: "bench-dix-commentaires", queries: await queryCount(blog.id, "bench-dix-commentaires") },
    };
  },

  async run({ options }, seeded) {
    const pathname = `/${seeded.blogSlug}/${seeded.big.slug}`;
    const page = await request(pathname);
    if (page.status !== 200) throw new Error(`GET ${pathname}: ${page.status}`);
    const gzipped = page.headers["content-encoding"] === "gzip";
    const html = gzipped ? gunzipSync(page.body) : page.body;
    const htmlGzipBytes = gzipped ? page.body.length : gzipSync(html).length;
    const text = html.toString("utf8");
    const shown = (text.match(/id="comment-/g) ?? []).length;

    const scripts = [...text.matchAll(/<script\b([^>]*)>/gi)]
      .map((match) => match[1]!)
      .filter((attributes) => !/\bnomodule\b/i.test(attributes))
      .map((attributes) => /\bsrc="([^"]+)"/i.exec(attributes)?.[1])
      .filter((src): src is string => Boolean(src))
      .map((src) => src.replace(/&amp;/g, "&"));
    let jsBytes = 0;
    let jsGzipBytes = 0;
    for (const src of new Set(scripts)) {
      const url = new URL(src, "http://127.0.0.1");
      const res = await request(url.pathname + url.search, { headers: { "accept-encoding": "identity" } });
      if (res.status !== 200) throw new Error(`GET ${src}: ${res.status}`);
      jsBytes += res.body.length;
      jsGzipBytes += gzipSync(res.body).length;
    }

    const total = options.quick ? 100 : 300;
    // Rendered for each request (the page cache would answer anonymous readers from memory).
    const result = await load({
      pathname,
      total,
      concurrency: 8,
      warmup: 10,
      maxMs: options.quick ? 20_000 : 60_000,
      headers: RENDER,
    });
    const { big, small } = seeded;
    console.log(
      `comments: queries (getPublicPost + listThread) with 10 comments ${small.queries.total} ` +
        `(${small.queries.getPublicPost} + ${small.queries.listThread}), with 1,000: ${big.queries.total} ` +
        `(${big.queries.getPublicPost} + ${big.queries.listThread})`,
    );
    console.log(
      `comments: HTML ${html.length} bytes, ${htmlGzipBytes} gzipped${gzipped ? " (as served)" : " (computed)"}; ` +
        `${new Set(scripts).size} script chunks, ${jsBytes} bytes, ${jsGzipBytes} gzipped`,
    );
    console.log(
      `comments: ${result.requests} GET ${pathname} in ${result.seconds} s: ${result.requestsPerSecond} req/s, ` +
        `p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${result.errors} errors`,
    );
    return [
      report({
        bench: "comments",
        path: pathname,
        comments: COMMENTS,
        queries10: small.queries.total,
        queries1000: big.queries.total,
        queryDetail: { small: small.queries, big: big.queries },
        commentElements: shown,
        htmlBytes: html.length,
        htmlGzipBytes,
        htmlGzipAsServed: gzipped,
        scriptChunks: new Set(scripts).size,
        jsBytes,
        jsGzipBytes,
        concurrency: 8,
        ...result,
      }),
    ];
  },
};

if (isMain(import.meta.url)) await runStandalone(commentsPart);
