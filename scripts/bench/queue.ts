// Benchmark: the moderation queue with 10,000 waiting comments. Writes (with Prisma, before the
// server starts) 10,000 held comments over four articles of the demo carnet, by 500 guests and
// 50 members, some of them replies; then reports
//   (a) the queries of listQueue for the first page (25 items) and for a page deep in the queue
//       (the cursor after 5,000 items), and of the header's countWaiting,
//   (b) p50/p95 of GET /write/<blog>/moderation signed in as the blog's moderator, rendered by
//       the production server (150 GETs, concurrency 4, after 5 warm-up; --quick: 50).
// Run: npx tsx --import ./scripts/lib/register.mjs scripts/bench/queue.ts [--quick]
import { DEBATE, isMain, load, report, request, runStandalone, sessionCookie, type ServerPart } from "./lib";

const WAITING = 10_000;
const ARTICLES = 4;
const GUESTS = 500;
const MEMBERS = 50;
const MODERATOR = "noemie";

type QueryCount = { firstPage: number; deepPage: number; countWaiting: number };
type Seeded = { pathname: string; cookie: string; queries: QueryCount; waiting: number };

export const queuePart: ServerPart<Seeded> = {
  name: "queue",
  async seed() {
    const { captureQueries, db } = await import("@/lib/db");
    const { foldKey } = await import("@/lib/users/schemas");
    const { countWaiting, listQueue } = await import("@/lib/moderation");
    const blog = await db.blog.findUniqueOrThrow({
      where: { slug: DEBATE.blog },
      select: { id: true, memberships: { where: { role: "owner" }, select: { userId: true } } },
    });
    const moderator = await db.user.findUniqueOrThrow({
      where: { handleKey: MODERATOR },
      select: { id: true, name: true, email: true, image: true, role: true, sessionVersion: true },
    });
    const ownerId = blog.memberships[0]!.userId;
    await db.user.createMany({
      data: Array.from({ length: MEMBERS }, (_, i) => {
        const name = `Lecteur ${i + 1}`;
        return { id: `bench_q_${i}`, handle: `bench_q_${i}`, handleKey: `bench_q_${i}`, name, nameKey: foldKey(name) };
      }),
    });
    const posts: { id: string }[] = [];
    for (let i = 0; i < ARTICLES; i++)
      posts.push(
        await db.post.create({
          data: {
            blogId: blog.id,
            authorId: ownerId,
            slug: `bench-file-${i + 1}`,
            title: `Article très commenté n° ${i + 1}`,
            bodySource: "Un article.",
            bodyHtml: "<p>Un article.</p>",
            status: "published",
            publishedAt: new Date(Date.now() - 86_400_000),
          },
          select: { id: true },
        }),
      );
    // Something to answer: one approved comment per article.
    const parents: { id: string }[] = [];
    for (const post of posts)
      parents.push(
        await db.comment.create({
          data: { postId: post.id, authorId: ownerId, bodySource: "Parent", bodyHtml: "<p>Parent.</p>" },
          select: { id: true },
        }),
      );
    const start = Date.now() - WAITING * 1000;
    const rows = Array.from({ length: WAITING }, (_, i) => {
      const member = i % 5 === 0;
      const paragraph = `Commentaire en attente n° ${i + 1} : une remarque de quelques mots sur l’article, avec un lien peut-être.`;
      return {
        id: `bench_held_${String(i).padStart(5, "0")}`,
        postId: posts[i % ARTICLES]!.id,
        parentId: i % 3 === 0 ? parents[i % ARTICLES]!.id : null,
        authorId: member ? `bench_q_${i % MEMBERS}` : null,
        guestName: member ? null : `Invité ${i % GUESTS}`,
        guestEmail: member ? null : `invite${i % GUESTS}@example.test`,
        bodySource: paragraph,
        bodyHtml: `<p>${paragraph}</p>`,
        status: "pending",
        heldBy: i % 7 === 0 ? JSON.stringify([{ rule: "links", detail: 3 }]) : null,
        createdAt: new Date(start + i * 1000),
      };
    });
    for (let first = 0; first < rows.length; first += 500)
      await db.comment.createMany({ data: rows.slice(first, first + 500) });
    console.log(`queue: wrote ${WAITING} waiting comments over ${ARTICLES} articles of /${DEBATE.blog}`);

    const actor = { id: moderator.id, role: moderator.role };
    const statements = (queries: { query: string }[]) =>
      queries.filter((q) => !/^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(q.query.trim())).length;
    const first = await captureQueries(() => listQueue(actor, { scope: { blogId: blog.id } }));
    if (first.result.counts.waiting < WAITING) throw new Error(`only ${first.result.counts.waiting} waiting`);
    let cursor = first.result.nextCursor ?? undefined;
    for (let page = 1; page < 200 && cursor; page++)
      cursor = (await listQueue(actor, { scope: { blogId: blog.id }, cursor })).nextCursor ?? undefined;
    const deep = await captureQueries(() => listQueue(actor, { scope: { blogId: blog.id }, cursor }));
    const waiting = await captureQueries(() => countWaiting(actor));

    return {
      pathname: `/write/${DEBATE.blog}/moderation`,
      cookie: await sessionCookie({ id: moderator.id }),
      waiting: first.result.counts.waiting,
      queries: {
        firstPage: statements(first.queries),
        deepPage: statements(deep.queries),
        countWaiting: statements(waiting.queries),
      },
    };
  },

  async run({ options }, seeded) {
    const headers = { cookie: seeded.cookie };
    const page = await request(seeded.pathname, { headers: { ...headers, "accept-encoding": "identity" } });
    if (page.status !== 200) throw new Error(`GET ${seeded.pathname}: ${page.status}`);
    const html = page.body.toString("utf8");
    const items = (html.match(/<li[^>]*data-queue-item/g) ?? []).length;
    if (items !== 25) throw new Error(`expected 25 items on the queue page, found ${items}`);
    const total = options.quick ? 50 : 150;
    const result = await load({
      pathname: seeded.pathname,
      total,
      concurrency: 4,
      warmup: 5,
      maxMs: options.quick ? 30_000 : 90_000,
      headers,
    });
    const { queries } = seeded;
    console.log(
      `queue: ${seeded.waiting} waiting; listQueue queries: first page ${queries.firstPage}, ` +
        `page after 5,000 items ${queries.deepPage}; countWaiting ${queries.countWaiting}`,
    );
    console.log(
      `queue: ${result.requests} GET ${seeded.pathname} (moderator, 25 items, ${html.length} bytes) in ${result.seconds} s: ` +
        `${result.requestsPerSecond} req/s, p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, ${result.errors} errors`,
    );
    return [
      report({
        bench: "queue",
        path: seeded.pathname,
        waiting: seeded.waiting,
        queriesFirstPage: queries.firstPage,
        queriesDeepPage: queries.deepPage,
        queriesCountWaiting: queries.countWaiting,
        htmlBytes: html.length,
        concurrency: 4,
        ...result,
      }),
    ];
  },
};

if (isMain(import.meta.url)) await runStandalone(queuePart);
