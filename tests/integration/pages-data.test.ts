import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { getBlogBySlug, listBlogs } from "@/lib/blogs";
import { listThread } from "@/lib/comments";
import { listActiveDiscussions } from "@/lib/home";
import { loadContent, syncContent } from "@/lib/content";
import { captureQueries, db, dbProvider, disconnectDb } from "@/lib/db";
import { checkHealth } from "@/lib/db/health";
import { getPublicPost, listBlogPosts, listLatestPosts, listPublicPosts } from "@/lib/posts";
import { createBlog, createComment, createPost, createUser } from "../factories";
import { resetDb } from "../setup/db";

before(async () => {
  await resetDb();
  await syncContent(loadContent("content"));
});
after(disconnectDb);

test("health: answers ok with the provider after a real query", async () => {
  assert.deepEqual(await checkHealth(), { ok: true, db: process.env.TEST_DB });
});

test("pages: the demo debate reads as a nested thread, held comment excluded from the count", async () => {
  const blog = await getBlogBySlug("carnet-de-josee");
  assert.ok(blog);
  const posts = await listBlogPosts(blog.id);
  const debate = posts.reduce((a, b) => (b.commentCount > a.commentCount ? b : a));
  const post = await getPublicPost(blog.id, debate.slug);
  assert.ok(post);
  const { tree, count } = await listThread(post.id, null);
  assert.ok(count >= 25);
  const depth = (nodes: typeof tree): number => Math.max(0, ...nodes.map((n) => Math.max(n.depth, depth(n.replies))));
  assert.equal(depth(tree), 5);
  assert.ok(tree.length >= 2, "several top-level threads");
});

test("pages: drafts and future posts stay off the lists", async () => {
  const user = await createUser();
  const blog = await createBlog({ ownerId: user.id });
  await createPost({ blogId: blog.id, authorId: user.id, slug: "visible" });
  await createPost({ blogId: blog.id, authorId: user.id, slug: "draft", status: "draft" });
  await createPost({
    blogId: blog.id,
    authorId: user.id,
    slug: "future",
    publishedAt: new Date(Date.now() + 86_400_000),
  });
  assert.deepEqual(
    (await listBlogPosts(blog.id)).map((p) => p.slug),
    ["visible"],
  );
  assert.equal(await getPublicPost(blog.id, "draft"), null);
  assert.ok((await listLatestPosts(100)).every((p) => p.slug !== "draft" && p.slug !== "future"));
  assert.ok((await listBlogs()).some((b) => b.slug === blog.slug && b.postCount === 1));
});

test("pages: the article's queries do not grow with its comments", async () => {
  const user = await createUser();
  const blog = await createBlog({ ownerId: user.id });
  const small = await createPost({ blogId: blog.id, authorId: user.id });
  const large = await createPost({ blogId: blog.id, authorId: user.id });
  for (let i = 0; i < 3; i++) await createComment({ postId: small.id, authorId: user.id });
  let parentId: string | null = null;
  for (let i = 0; i < 60; i++) {
    const comment = await createComment({
      postId: large.id,
      authorId: i % 2 ? user.id : null,
      parentId: i % 3 ? parentId : null,
    });
    parentId = comment.id;
  }
  const count = async (postId: string, slug: string) =>
    (
      await captureQueries(async () => {
        await getPublicPost(blog.id, slug);
        await listThread(postId, null);
      })
    ).queries.length;
  assert.equal(await count(large.id, large.slug), await count(small.id, small.slug));
});

// Every query the pages make must use an index on the tables that grow (no full scan).
test("pages: every page query uses an index", async () => {
  const blog = (await getBlogBySlug("carnet-de-josee"))!;
  const post = (await listBlogPosts(blog.id))[0]!;
  const { queries } = await captureQueries(async () => {
    await listBlogs();
    await listLatestPosts(10);
    await listBlogPosts(blog.id);
    await getPublicPost(blog.id, post.slug);
    await getPublicPost(blog.id, post.slug);
    await listThread(post.id, null);
    await listActiveDiscussions(5);
    await listPublicPosts({ blogId: blog.id }, 1);
    await listPublicPosts({ tagSlug: "medias" }, 1);
  });
  assert.ok(queries.length >= 5);
  const scans: string[] = [];
  for (const { query, params } of queries) {
    const plan = await explain(query, JSON.parse(params) as unknown[]);
    const bad = plan.filter((line) => fullScan(line));
    if (bad.length) scans.push(`${query}\n  → ${bad.join("\n  → ")}`);
  }
  assert.deepEqual(scans, [], "queries scanning a whole growing table");
});

const growing = ["Post", "Comment", "PostTag", "Link", "Membership", "Mention", "Notification"];

function fullScan(line: string): boolean {
  if (dbProvider() === "postgresql")
    return growing.some((t) => line.includes(`Seq Scan on "${t}"`) || line.includes(`Seq Scan on ${t} `));
  // SQLite: "SCAN Post" is a full scan; "SCAN Post USING INDEX" / "SEARCH" are fine.
  return growing.some((t) => new RegExp(`^SCAN ${t}(?! USING (COVERING )?INDEX)`).test(line.replace(/^[-|` ]+/, "")));
}

async function explain(query: string, params: unknown[]): Promise<string[]> {
  if (dbProvider() === "postgresql") {
    // With sequential scans priced out, a plan still showing one has no usable index.
    return db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${query}`, ...params);
      return rows.map((r) => r["QUERY PLAN"]);
    });
  }
  const rows = await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${query}`, ...params);
  return rows.map((r) => r.detail);
}

test("db: SQLite runs in WAL mode with foreign keys enforced", { skip: process.env.TEST_DB !== "sqlite" }, async () => {
  const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
  const [fk] = await db.$queryRawUnsafe<{ foreign_keys: number | bigint }[]>("PRAGMA foreign_keys");
  assert.equal(mode?.journal_mode, "wal");
  assert.equal(Number(fk?.foreign_keys), 1);
});
