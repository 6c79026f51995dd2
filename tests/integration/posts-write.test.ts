import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, beforeEach, test } from "node:test";
import { ZodError } from "zod";
import { loadContent } from "@/lib/content";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  createDraft,
  deletePost,
  exportPostMarkdown,
  getPostForEditor,
  getPublicPost,
  listBlogPosts,
  listBlogPostsForWriter,
  listRevisions,
  publicPostWhere,
  publishPost,
  resolvePostSlug,
  restorePost,
  restoreRevision,
  revisionDiff,
  saveDraft,
  unpublishPost,
  updatePostFromApi,
} from "@/lib/posts";
import { createBlog, createUser } from "../factories";
import { resetDb } from "../setup/db";

const rejects = (code: string) => (error: unknown) => {
  assert.ok(error instanceof AppError, String(error));
  assert.equal(error.code, code);
  return true;
};
const isZod = (error: unknown) => error instanceof ZodError;

async function team() {
  const [owner, author, other, moderator, outsider] = await Promise.all([
    createUser({ handle: "owner" }),
    createUser({ handle: "author" }),
    createUser({ handle: "other" }),
    createUser({ handle: "moder" }),
    createUser({ handle: "outsider" }),
  ]);
  const blog = await createBlog({ ownerId: owner.id });
  await db.membership.createMany({
    data: [
      { blogId: blog.id, userId: author.id, role: "author" },
      { blogId: blog.id, userId: other.id, role: "author" },
      { blogId: blog.id, userId: moderator.id, role: "moderator" },
    ],
  });
  return { owner, author, other, moderator, outsider, blog };
}

const backdateRevisions = (postId: string, ms: number) =>
  db.postRevision.updateMany({ where: { postId }, data: { createdAt: new Date(Date.now() - ms) } });

beforeEach(resetDb);
after(disconnectDb);

test("posts: an author edits their own posts, an owner any post of the blog, nobody else (NOT_FOUND)", async () => {
  const { owner, author, other, moderator, outsider, blog } = await team();
  const draft = await createDraft(author, blog.id, { title: "Brouillon" });
  await saveDraft(author, draft.id, { title: "By the author", bodySource: "Hello" });
  await saveDraft(owner, draft.id, { title: "Fixed by the owner" });
  for (const actor of [other, moderator, outsider, null]) {
    await assert.rejects(saveDraft(actor, draft.id, { title: "Hijack" }), rejects("NOT_FOUND"));
    await assert.rejects(publishPost(actor, draft.id), rejects("NOT_FOUND"));
    await assert.rejects(deletePost(actor, draft.id), rejects("NOT_FOUND"));
    await assert.rejects(getPostForEditor(actor, draft.id), rejects("NOT_FOUND"));
    await assert.rejects(exportPostMarkdown(actor, draft.id), rejects("NOT_FOUND"));
  }
  await assert.rejects(createDraft(moderator, blog.id), rejects("NOT_FOUND"));
  await assert.rejects(createDraft(outsider, blog.id), rejects("NOT_FOUND"));
  await assert.rejects(listBlogPostsForWriter(moderator, blog.id), rejects("NOT_FOUND"));
  const row = await db.post.findUniqueOrThrow({ where: { id: draft.id } });
  assert.equal(row.title, "Fixed by the owner");
  assert.equal(row.bodySource, "Hello");
  assert.deepEqual(
    (await listBlogPostsForWriter(owner, blog.id)).drafts.map((p) => p.id),
    [draft.id],
  );
  assert.deepEqual((await listBlogPostsForWriter(other, blog.id)).drafts, []);
});

test("posts: autosave keeps one revision per two minutes, plus one at each status change", async () => {
  const { author, blog } = await team();
  const { id } = await createDraft(author, blog.id);
  for (const body of ["One", "One two", "One two three"])
    await saveDraft(author, id, { title: "Draft", bodySource: body });
  assert.equal(await db.postRevision.count({ where: { postId: id } }), 1);
  await saveDraft(author, id, { title: "Draft", bodySource: "One two three" });
  assert.equal(await db.postRevision.count({ where: { postId: id } }), 1, "no change, no revision");
  await backdateRevisions(id, 3 * 60_000);
  await saveDraft(author, id, { title: "Draft", bodySource: "Four" });
  assert.equal(await db.postRevision.count({ where: { postId: id } }), 2);
  await saveDraft(author, id, { title: "Draft", bodySource: "Five" });
  assert.equal(await db.postRevision.count({ where: { postId: id } }), 2, "within two minutes");
  await publishPost(author, id);
  const revisions = await listRevisions(author, id);
  assert.equal(revisions.length, 3, "publishing keeps the published text");
  assert.equal((await db.postRevision.findUniqueOrThrow({ where: { id: revisions[0]!.id } })).bodySource, "Five");
});

test("posts: a scheduled post is invisible until its date, then public with no job", async () => {
  const { author, blog } = await team();
  const { id } = await createDraft(author, blog.id);
  await saveDraft(author, id, { title: "Demain matin", bodySource: "Bientôt." });
  const at = new Date(Date.now() + 1000);
  const scheduled = await publishPost(author, id, { at });
  assert.equal(scheduled.status, "scheduled");
  assert.equal(scheduled.slug, "demain-matin", "the placeholder slug comes from the title at publication");
  assert.equal(await getPublicPost(blog.id, "demain-matin"), null);
  assert.equal((await listBlogPosts(blog.id)).length, 0);
  assert.equal(await resolvePostSlug(blog.id, "demain-matin"), null);
  assert.equal(
    await db.post.count({ where: publicPostWhere(new Date(at.getTime() + 1)) }),
    1,
    "public once the date passes",
  );
  await db.post.update({ where: { id }, data: { publishedAt: new Date(Date.now() - 1) } });
  assert.equal((await getPublicPost(blog.id, "demain-matin"))?.id, id);
  assert.equal((await listBlogPosts(blog.id)).length, 1);
  await unpublishPost(author, id);
  assert.equal(await getPublicPost(blog.id, "demain-matin"), null);
});

test("posts: renaming a published post keeps its old slug as a redirect; drafts leave no alias", async () => {
  const { author, other, blog } = await team();
  const { id } = await createDraft(author, blog.id);
  await saveDraft(author, id, { title: "First", slug: "first-try" });
  await saveDraft(author, id, { slug: "first" });
  assert.equal(await db.postSlugAlias.count(), 0);
  await publishPost(author, id);
  await saveDraft(author, id, { slug: "second" });
  assert.deepEqual(await resolvePostSlug(blog.id, "first"), { redirectTo: "second" });
  assert.deepEqual(await resolvePostSlug(blog.id, "second"), { postId: id });
  assert.equal(await resolvePostSlug(blog.id, "first-try"), null);
  const another = await createDraft(other, blog.id);
  await assert.rejects(saveDraft(other, another.id, { slug: "first" }), (error: unknown) => {
    assert.ok(error instanceof AppError && error.code === "CONFLICT" && error.details?.field === "slug");
    return true;
  });
  await saveDraft(author, id, { slug: "first" });
  assert.deepEqual(await resolvePostSlug(blog.id, "first"), { postId: id });
  assert.deepEqual(await resolvePostSlug(blog.id, "second"), { redirectTo: "first" });
});

test("posts: a revision diffs against the current body and can be restored", async () => {
  const { author, owner, blog } = await team();
  const { id } = await createDraft(author, blog.id);
  await saveDraft(author, id, { title: "Notes", bodySource: "alpha\nbeta\ngamma" });
  await backdateRevisions(id, 3 * 60_000);
  await saveDraft(author, id, { title: "Notes v2", bodySource: "alpha\nBETA\ngamma\ndelta" });
  const [, oldest] = await listRevisions(author, id);
  const diff = await revisionDiff(owner, oldest!.id);
  assert.equal(diff.titleChanged, true);
  const lines = diff.hunks.flatMap((h) => h.lines);
  assert.deepEqual(
    lines.filter((l) => l.kind !== "context"),
    [
      { kind: "removed", text: "beta" },
      { kind: "added", text: "BETA" },
      { kind: "added", text: "delta" },
    ],
  );
  await assert.rejects(revisionDiff(null, oldest!.id), rejects("NOT_FOUND"));
  await saveDraft(author, id, { bodySource: "alpha\nlatest words" });
  await restoreRevision(author, oldest!.id);
  const post = await db.post.findUniqueOrThrow({ where: { id } });
  assert.equal(post.title, "Notes");
  assert.equal(post.bodySource, "alpha\nbeta\ngamma");
  assert.match(post.bodyHtml, /beta/);
  const kept = await db.postRevision.findFirst({ where: { postId: id, bodySource: "alpha\nlatest words" } });
  assert.ok(kept, "the text before the restore is kept as a revision");
});

test("posts: delete is soft and restore brings the post back", async () => {
  const { author, owner, outsider, blog } = await team();
  const { id } = await createDraft(author, blog.id);
  await saveDraft(author, id, { title: "Ephemeral", bodySource: "x" });
  const { slug } = await publishPost(author, id);
  await deletePost(owner, id);
  assert.equal(await getPublicPost(blog.id, slug), null);
  assert.deepEqual(
    (await listBlogPostsForWriter(author, blog.id)).deleted.map((p) => p.id),
    [id],
  );
  await assert.rejects(restorePost(outsider, id), rejects("NOT_FOUND"));
  await restorePost(author, id);
  assert.equal((await getPublicPost(blog.id, slug))?.id, id);
});

test("posts: exported markdown reads back through loadContent", async () => {
  const { author, blog } = await team();
  const { id } = await createDraft(author, blog.id);
  const body = "## Titre\n\nUn paragraphe avec [un lien](https://example.org) : « citation ».\n\n- un\n- deux";
  await saveDraft(author, id, {
    title: "Fermer les commentaires ? Non : apprendre",
    bodySource: body,
    excerpt: "Un extrait: avec deux-points.",
    tags: ["médias", "débat public"],
  });
  const published = await publishPost(author, id, { at: new Date("2026-10-14T13:30:00Z") });
  const { filename, content } = await exportPostMarkdown(author, id);
  assert.equal(filename, `${published.slug}.md`);
  const root = mkdtempSync(join(tmpdir(), "tribune-export-"));
  try {
    mkdirSync(join(root, "people"));
    mkdirSync(join(root, "blogs", blog.slug, "posts"), { recursive: true });
    writeFileSync(
      join(root, "people", "author.md"),
      "---\nhandle: author\nname: An Author\nemail: author@example.test\n---\n",
    );
    writeFileSync(
      join(root, "blogs", blog.slug, "blog.md"),
      "---\nname: Blog\nlanguage: fr\nmembers:\n  - { handle: author, role: owner }\n---\n",
    );
    writeFileSync(join(root, "blogs", blog.slug, "posts", filename), content);
    const [post] = loadContent(root).blogs[0]!.posts;
    assert.equal(post!.slug, published.slug);
    assert.equal(post!.title, "Fermer les commentaires ? Non : apprendre");
    assert.equal(post!.body, body);
    assert.equal(post!.excerpt, "Un extrait: avec deux-points.");
    assert.deepEqual(post!.tags, ["médias", "débat public"]);
    assert.equal(post!.status, "published");
    assert.equal(post!.publishedAt?.toISOString(), "2026-10-14T13:30:00.000Z");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("posts: bad input is refused and nothing is saved", async () => {
  const { author, blog } = await team();
  const { id } = await createDraft(author, blog.id);
  await saveDraft(author, id, { title: "Kept", bodySource: "Kept body", tags: ["one"] });
  const before = await db.post.findUniqueOrThrow({ where: { id } });
  const revisions = await db.postRevision.count();
  // An empty title is allowed on a draft (posts-editor.test.ts: publishing asks for one).
  const bad = [
    { title: "x".repeat(201) },
    { bodySource: "x".repeat(200_001) },
    { excerpt: "x".repeat(501) },
    { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) },
    { tags: ["x".repeat(41)] },
    { slug: "Not a slug!" },
    { coverImageUrl: "javascript:alert(1)" },
  ];
  for (const input of bad)
    await assert.rejects(
      saveDraft(author, id, { title: "Changed", ...input }),
      isZod,
      JSON.stringify(input).slice(0, 60),
    );
  // A body the markdown bounds refuse: a clear reason, by the editor and by the API alike.
  const tooDeep = `${"> ".repeat(40)}trop profond`;
  await assert.rejects(saveDraft(author, id, { title: "Changed", bodySource: tooDeep }), /markdownTooDeep/);
  await assert.rejects(updatePostFromApi(author, id, { title: "Changed", body: tooDeep }), /markdownTooDeep/);
  const afterRow = await db.post.findUniqueOrThrow({ where: { id } });
  assert.equal(afterRow.title, before.title);
  assert.equal(afterRow.updatedAt.getTime(), before.updatedAt.getTime());
  assert.equal(await db.postRevision.count(), revisions);
  assert.equal(await db.postTag.count({ where: { postId: id } }), 1);
});

test("posts: an article's own comment rule overrides the blog's, and back", async () => {
  const { author, outsider, blog } = await team();
  const { id } = await createDraft(author, blog.id);
  await saveDraft(author, id, { title: "Fermé aux commentaires", bodySource: "Texte." });
  await publishPost(author, id, {});
  await saveDraft(author, id, { commentPolicy: "closed" });
  const { createComment } = await import("@/lib/comments");
  await assert.rejects(createComment(outsider, { postId: id, body: "Bonjour" }), rejects("FORBIDDEN"));
  await saveDraft(author, id, { commentPolicy: null });
  const created = await createComment(outsider, { postId: id, body: "Bonjour" });
  assert.equal(created.status, "approved");
});
