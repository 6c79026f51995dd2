import assert from "node:assert/strict";
import { after, beforeEach, test } from "node:test";
import { listThread } from "@/lib/comments";
import { captureQueries, db, disconnectDb } from "@/lib/db";
import { createBlog, createPost, createUser } from "../factories";
import { resetDb } from "../setup/db";

beforeEach(resetDb);
after(disconnectDb);

type Person = Awaited<ReturnType<typeof createUser>>;

/** An article with `size` comments by `people` (every fifth a reply, some liked and some held). */
async function thread(size: number, people: Person[], liker: Person) {
  const owner = people[0]!;
  const blog = await createBlog({ ownerId: owner.id });
  const post = await createPost({ blogId: blog.id, authorId: owner.id });
  const ids = Array.from({ length: size }, (_, i) => `c${size}x${String(i).padStart(5, "0")}`);
  const start = Date.now() - size * 1000;
  await db.comment.createMany({
    data: ids.map((id, i) => ({
      id,
      postId: post.id,
      authorId: people[i % people.length]!.id,
      parentId: i % 5 === 4 ? ids[i - 1] : null,
      bodySource: `comment ${i}`,
      bodyHtml: `<p>comment ${i}</p>`,
      status: i % 50 === 7 ? "pending" : "approved",
      createdAt: new Date(start + i * 1000),
    })),
  });
  await db.reaction.createMany({
    data: ids.filter((_, i) => i % 3 === 0).map((commentId) => ({ commentId, userId: liker.id, kind: "like" })),
  });
  return post.id;
}

async function queryCount(postId: string, viewer: Person | null): Promise<number> {
  const actor = viewer && { id: viewer.id, role: viewer.role };
  const { result, queries } = await captureQueries(() => listThread(postId, actor, { sort: "liked" }));
  assert.ok(result.tree.length > 0);
  return queries.filter((q) => !/^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(q.query.trim())).length;
}

test("thread queries: listThread costs the same with 10 and with 1,000 comments", { timeout: 120_000 }, async () => {
  // As many distinct authors as comments in the big thread's first hundreds: author lookups must not grow either.
  const people = await Promise.all(Array.from({ length: 40 }, () => createUser()));
  await db.user.createMany({
    data: Array.from({ length: 400 }, (_, i) => ({
      id: `bulk-user-${i}`,
      handle: `bulk${i}`,
      handleKey: `bulk${i}`,
      name: `Bulk ${i}`,
      nameKey: `bulk ${i}`,
    })),
  });
  const bulk = await db.user.findMany({ where: { handle: { startsWith: "bulk" } } });
  const viewer = people[1]!;
  const small = await thread(10, people, viewer);
  const large = await thread(1000, [...people, ...bulk], viewer);

  const anonymous = [await queryCount(small, null), await queryCount(large, null)];
  const signedIn = [await queryCount(small, viewer), await queryCount(large, viewer)];
  assert.equal(anonymous[0], anonymous[1], `anonymous: ${anonymous.join(" vs ")}`);
  assert.equal(signedIn[0], signedIn[1], `signed in: ${signedIn.join(" vs ")}`);
  assert.ok(anonymous[0]! <= 6, `few queries (${anonymous[0]})`);

  const big = await listThread(large, { id: viewer.id, role: viewer.role });
  assert.equal(big.count, 1000 - 20);
  assert.ok(big.tree.some((node) => node.viewerHasLiked));
});
