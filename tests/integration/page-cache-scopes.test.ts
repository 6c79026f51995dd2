// What a change of an article's discussion makes stale in the page cache (pagesChanged): a new
// or removed comment reaches every list showing the article's count, an edit only the home
// page's quotes of the latest comments, a like only the article (and its thread fragments).
import assert from "node:assert/strict";
import { after, beforeEach, test } from "node:test";
import { createComment, editComment, toggleLike } from "@/lib/comments";
import { db, disconnectDb } from "@/lib/db";
import { closeLiveBus } from "@/lib/live";
import { postScope } from "@/lib/page-cache/policy";
import { clear, lookup, snapshot, store, type CachedPage } from "@/lib/page-cache/store";
import { viewerForClaims } from "@/lib/auth/session";
import { createBlog, createPost, createUser } from "../factories";
import { resetDb } from "../setup/db";

beforeEach(async () => {
  await resetDb();
  clear();
});
after(async () => {
  await closeLiveBus();
  await disconnectDb();
});

const page = (scopes: string[]): CachedPage => ({
  scopes,
  renderedAt: snapshot(),
  storedAt: Date.now(),
  status: 200,
  headers: [],
  bodies: { br: Buffer.from("x"), gzip: Buffer.from("x"), identity: Buffer.from("x") },
  scriptHashes: [],
});

test("a comment reaches every list, an edit the home page only, a like the article only", async () => {
  const owner = await createUser({ handle: "josee" });
  const reader = await createUser({ handle: "tom" });
  const blog = await createBlog({ ownerId: owner.id, slug: "carnet" });
  const post = await createPost({ blogId: blog.id, authorId: owner.id });
  const tag = await db.tag.create({ data: { slug: "debat", name: "débat" } });
  await db.postTag.create({ data: { postId: post.id, tagId: tag.id } });
  const pages = {
    article: [postScope(post.id)],
    blog: ["blog:carnet"],
    tag: ["tag:debat"],
    home: ["home"],
  };
  const keepAll = () => {
    for (const [key, scopes] of Object.entries(pages)) store(key, page(scopes));
  };
  const fresh = () =>
    Object.fromEntries(Object.keys(pages).map((key) => [key, lookup(key, 60_000, 0)?.fresh === true]));
  const tom = (await viewerForClaims({ id: reader.id, sv: 0 }))!;

  keepAll();
  const comment = await createComment(tom, { postId: post.id, body: "Premier avis." });
  assert.deepEqual(fresh(), { article: false, blog: false, tag: false, home: false });

  keepAll();
  await editComment(tom, comment.id, "Premier avis, corrigé.");
  assert.deepEqual(fresh(), { article: false, blog: true, tag: true, home: false });

  keepAll();
  const josee = (await viewerForClaims({ id: owner.id, sv: 0 }))!;
  await toggleLike(josee, comment.id);
  assert.deepEqual(fresh(), { article: false, blog: true, tag: true, home: true });
});
