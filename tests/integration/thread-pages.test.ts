import assert from "node:assert/strict";
import { after, beforeEach, test } from "node:test";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { listThread, locateComment, resolveCommentLink, type CommentNode, type ThreadItem } from "@/lib/comments";
import { captureQueries, db, disconnectDb } from "@/lib/db";
import { createBlog, createPost, createUser } from "../factories";
import { resetDb } from "../setup/db";

beforeEach(resetDb);
after(disconnectDb);

type Person = Awaited<ReturnType<typeof createUser>>;
const actor = (person: Person) => ({ id: person.id, role: person.role });

/**
 * An article with `threads` top-level comments, each followed by `replies` replies in a chain
 * (reply 1 answers the top-level comment, reply 2 answers reply 1…), all seeded in bulk.
 * Top-level comment n is `<prefix><n>`, its k-th reply `<prefix><n>x<k>`; times follow that order.
 */
async function discussion(threads: number, replies: number, people: Person[], prefix = "r") {
  const owner = people[0]!;
  const blog = await createBlog({ ownerId: owner.id });
  const post = await createPost({ blogId: blog.id, authorId: owner.id });
  const start = Date.now() - threads * (replies + 1) * 1000;
  const rows = [];
  for (let n = 0; n < threads; n++) {
    for (let k = 0; k <= replies; k++) {
      const i = n * (replies + 1) + k;
      rows.push({
        id: k === 0 ? `${prefix}${n}` : `${prefix}${n}x${k}`,
        postId: post.id,
        parentId: k === 0 ? null : k === 1 ? `${prefix}${n}` : `${prefix}${n}x${k - 1}`,
        authorId: people[i % people.length]!.id,
        bodySource: `comment ${i}`,
        bodyHtml: `<p>comment ${i}</p>`,
        likeCount: k === 0 ? n % 7 : 0,
        createdAt: new Date(start + i * 1000),
      });
    }
  }
  // In slices: one statement of 10,000 rows would cost the test process more memory than the reads measured.
  for (let first = 0; first < rows.length; first += 500)
    await db.comment.createMany({ data: rows.slice(first, first + 500) });
  return { blog, post };
}

const ids = (tree: CommentNode<ThreadItem>[]) => tree.map((node) => node.id);
const size = (nodes: CommentNode<ThreadItem>[]): number => nodes.reduce((sum, node) => sum + 1 + size(node.replies), 0);
// A collection on demand, so that memory figures measure what is held rather than garbage not yet collected.
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;
const MB = 2 ** 20;

const queriesOf = (queries: { query: string }[]) =>
  queries.filter((q) => !/^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(q.query.trim())).length;

test(
  "thread pages: 10,000 comments, every page served whole, in the same few queries",
  { timeout: 300_000 },
  async () => {
    const people = await Promise.all(Array.from({ length: 12 }, () => createUser()));
    const reader = people[3]!;
    const small = await discussion(3, 1, people, "s");
    const { post } = await discussion(2000, 4, people);
    assert.equal(await db.comment.count({ where: { postId: post.id } }), 10_000);
    collect();
    const heapBefore = process.memoryUsage().heapUsed;

    const first = await captureQueries(() => listThread(post.id, actor(reader)));
    const last = await captureQueries(() => listThread(post.id, actor(reader), { page: 40 }));
    const tiny = await captureQueries(() => listThread(small.post.id, actor(reader)));
    assert.deepEqual(first.result.page, { number: 1, count: 40, size: 50, threads: 2000 });
    assert.deepEqual(ids(first.result.tree).slice(0, 2), ["r0", "r1"]);
    assert.equal(first.result.tree.length, 50);
    assert.equal(size(first.result.tree), 250, "each top-level comment comes with all its replies");
    assert.equal(first.result.count, 10_000);
    assert.equal(last.result.page.number, 40);
    assert.deepEqual(ids(last.result.tree).slice(-1), ["r1999"]);
    assert.equal(size(last.result.tree), 250);
    assert.equal(last.result.tree[0]!.replies[0]!.replies[0]!.bodyHtml, `<p>comment ${1950 * 5 + 2}</p>`);
    assert.equal(queriesOf(first.queries), queriesOf(tiny.queries), "no more queries for 10,000 comments");
    assert.equal(queriesOf(last.queries), queriesOf(tiny.queries));
    collect();
    // Two pages of the 10,000-comment thread held at once cost little; the process stays under 512 MB.
    const held = (process.memoryUsage().heapUsed - heapBefore) / MB;
    assert.ok(held < 32, `two pages hold ${held.toFixed(1)} MB`);
    assert.ok(process.memoryUsage().rss < 512 * MB, `${Math.round(process.memoryUsage().rss / MB)} MB`);

    // A page past the last reads as the last; a page of 100 threads when the blog says so.
    assert.equal((await listThread(post.id, null, { page: 99 })).page.number, 40);
    await db.blog.update({ where: { id: post.blogId }, data: { commentsPerPage: 100 } });
    const wide = await listThread(post.id, null, { page: 20 });
    assert.deepEqual([wide.page.count, wide.tree.length, ids(wide.tree).at(-1)], [20, 100, "r1999"]);
    await db.blog.update({ where: { id: post.blogId }, data: { commentsPerPage: 50 } });

    // Sorting applies across pages: the newest thread opens page 1, the oldest closes the last.
    assert.equal((await listThread(post.id, null, { sort: "newest" })).tree[0]!.id, "r1999");
    assert.equal((await listThread(post.id, null, { sort: "newest", page: 40 })).tree.at(-1)!.id, "r0");
    const liked = await listThread(post.id, null, { sort: "liked" });
    assert.ok(liked.tree.every((node) => node.likeCount === 6));
    assert.deepEqual(ids(liked.tree).slice(0, 2), ["r6", "r13"]);

    collect();
    assert.ok(
      process.memoryUsage().rss < 512 * MB,
      `after every read: ${Math.round(process.memoryUsage().rss / MB)} MB`,
    );
  },
);

test("thread pages: a permalink leads to the page holding the comment, for this viewer", async () => {
  const people = await Promise.all(Array.from({ length: 3 }, () => createUser()));
  const [owner, author, reader] = people as [Person, Person, Person];
  const { blog, post } = await discussion(120, 8, people);
  const article = `/${blog.slug}/${post.slug}`;

  assert.deepEqual(await locateComment("r77x3", null), { postId: post.id, page: 2, depth: 4 });
  assert.equal(await resolveCommentLink("r77x3", null), `${article}?page=2#comment-r77x3`);
  assert.equal(await resolveCommentLink("r3", null), `${article}#comment-r3`);
  // Deeper than the article shows (6 levels): the comment's own page.
  assert.equal(await resolveCommentLink("r110x7", null), `${article}/comments/r110x7#comment-r110x7`);
  assert.equal(await resolveCommentLink("nothing-here", null), null);

  // A held top-level comment: on its author's page 3, not a reader's; they land on the discussion.
  await db.comment.create({
    data: {
      id: "held",
      postId: post.id,
      authorId: author.id,
      bodySource: "h",
      bodyHtml: "<p>h</p>",
      status: "pending",
    },
  });
  assert.equal(await resolveCommentLink("held", actor(author)), `${article}?page=3#comment-held`);
  assert.equal(await resolveCommentLink("held", actor(owner)), `${article}?page=3#comment-held`);
  assert.equal(await resolveCommentLink("held", actor(reader)), `${article}#discussion`);
  assert.equal((await listThread(post.id, actor(reader), { page: 3 })).tree.length, 20);
  assert.equal((await listThread(post.id, actor(author), { page: 3 })).tree.length, 21);

  // The pinned comment opens page 1 whatever the order; the others move one place down.
  await db.post.update({ where: { id: post.id }, data: { pinnedCommentId: "r100" } });
  assert.deepEqual(await locateComment("r100", null), { postId: post.id, page: 1, depth: 1 });
  assert.equal((await listThread(post.id, null, { sort: "newest" })).tree[0]!.id, "r100");
  assert.deepEqual(await locateComment("r49", null), { postId: post.id, page: 2, depth: 1 });

  // An article that is not public hides its comments' places.
  await db.post.update({ where: { id: post.id }, data: { status: "draft" } });
  assert.equal(await resolveCommentLink("r3", null), null);
});
