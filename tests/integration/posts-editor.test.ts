import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { after, beforeEach, test } from "node:test";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  getPostPreview,
  getPublicPost,
  listBlogPostsForWriter,
  previewNewPost,
  publishPost,
  saveDraft,
  startDraft,
  uploadPostImage,
} from "@/lib/posts";
import { createBlog, createComment, createPost, createUser } from "../factories";
import { resetDb } from "../setup/db";

const uploads = mkdtempSync(join(tmpdir(), "tribune-editor-uploads-"));
process.env.UPLOADS_DIR = uploads;

const rejects = (code: string, message?: string) => (error: unknown) => {
  assert.ok(error instanceof AppError, String(error));
  assert.equal(error.code, code);
  if (message) assert.equal(error.message, message);
  return true;
};

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

/** A 3×2 PNG, from bytes (only its header matters to the size check). */
function png(): File {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    let c = 0xffffffff;
    for (const byte of body) c = table[(c ^ byte) & 0xff]! ^ (c >>> 8);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE((c ^ 0xffffffff) >>> 0, 8 + data.length);
    return out;
  };
  const header = Buffer.from([0, 0, 0, 3, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
  const bytes = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.alloc(2 * 10))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  return new File([bytes], "photo.png", { type: "image/png" });
}

beforeEach(resetDb);
after(async () => {
  rmSync(uploads, { recursive: true, force: true });
  await disconnectDb();
});

test("editor: a new article is stored only once something is written, and may wait for its title until published", async () => {
  const { author, moderator, outsider, blog } = await team();
  await assert.rejects(startDraft(author, blog.id, { title: "", bodySource: "  \n" }), rejects("INVALID_INPUT"));
  assert.equal(await db.post.count(), 0, "no empty draft");
  for (const actor of [moderator, outsider, null]) {
    await assert.rejects(startDraft(actor, blog.id, { bodySource: "Hello" }), rejects("NOT_FOUND"));
  }
  const draft = await startDraft(author, blog.id, { title: "", bodySource: "First words." });
  const row = await db.post.findUniqueOrThrow({ where: { id: draft.id } });
  assert.equal(row.title, "", "no placeholder title is stored");
  assert.match(row.bodyHtml, /First words\./);
  assert.equal(await db.postRevision.count({ where: { postId: draft.id } }), 1);
  await assert.rejects(publishPost(author, draft.id), rejects("INVALID_INPUT", "validation.postTitleEmpty"));
  await saveDraft(author, draft.id, { title: "Now titled" });
  await publishPost(author, draft.id);
  // Readers always see a title: a published article cannot lose it.
  await assert.rejects(
    saveDraft(author, draft.id, { title: "" }),
    rejects("INVALID_INPUT", "validation.postTitleEmpty"),
  );
});

test("editor: the writer's list is newest first and counts each post's visible comments in one query", async () => {
  const { owner, author, blog } = await team();
  const day = 86_400_000;
  const older = await createPost({ blogId: blog.id, authorId: author.id, publishedAt: new Date(Date.now() - 3 * day) });
  const newer = await createPost({ blogId: blog.id, authorId: author.id, publishedAt: new Date(Date.now() - day) });
  const later = await createPost({
    blogId: blog.id,
    authorId: author.id,
    status: "scheduled",
    publishedAt: new Date(Date.now() + day),
  });
  const sooner = await createPost({
    blogId: blog.id,
    authorId: author.id,
    status: "scheduled",
    publishedAt: new Date(Date.now() + day / 2),
  });
  // The older article was edited last: the list still follows publication dates.
  await db.post.update({ where: { id: older.id }, data: { title: "Edited today" } });
  for (const status of ["approved", "approved", "pending", "removed"]) {
    await createComment({ postId: older.id, authorId: owner.id, status });
  }
  const list = await listBlogPostsForWriter(owner, blog.id);
  assert.deepEqual(
    list.published.map((p) => [p.id, p.commentCount]),
    [
      [newer.id, 0],
      [older.id, 2],
    ],
  );
  assert.deepEqual(
    list.scheduled.map((p) => p.id),
    [later.id, sooner.id],
  );
});

test("editor: the private preview of a draft is for its writers only", async () => {
  const { owner, author, other, moderator, outsider, blog } = await team();
  const draft = await startDraft(author, blog.id, { title: "Secret plans", bodySource: "## Part one\n\nSoon." });
  for (const actor of [author, owner]) {
    const article = await getPostPreview(actor, draft.id);
    assert.equal(article.title, "Secret plans");
    assert.equal(article.blogId, blog.id);
    assert.deepEqual(
      article.toc.map((entry) => entry.text),
      ["Part one"],
    );
    assert.match(article.bodyHtml, /Soon\./);
  }
  for (const actor of [other, moderator, outsider, null]) {
    await assert.rejects(getPostPreview(actor, draft.id), rejects("NOT_FOUND"));
  }
  // A new article's live preview: anyone who may write in the blog (another author too).
  for (const actor of [moderator, outsider, null]) {
    await assert.rejects(previewNewPost(actor, blog.id, "text"), rejects("NOT_FOUND"));
  }
  assert.match(await previewNewPost(author, blog.id, "**bold**"), /<strong>bold<\/strong>/);
});

test("editor: the preview shows the article as its readers will, French spacing of the title included", async () => {
  const { author, blog } = await team();
  await db.blog.update({ where: { id: blog.id }, data: { language: "fr", frenchTypography: true } });
  const draft = await startDraft(author, blog.id, { title: "Fermer ? Non : apprendre", bodySource: "Texte." });
  const preview = await getPostPreview(author, draft.id);
  assert.equal(preview.title, "Fermer\u202f? Non\u00a0: apprendre");
  await publishPost(author, draft.id);
  const post = await db.post.findUniqueOrThrow({ where: { id: draft.id } });
  const page = await getPublicPost(blog.id, post.slug);
  assert.ok(page);
  assert.equal(preview.title, page.title, "the preview's title is the reader's");
  assert.deepEqual(preview.toc, page.toc);
  assert.equal(preview.readingMinutes, page.readingMinutes);
});

test("editor: an image dropped into the text is stored for the blog's writers, with its size", async () => {
  const { author, moderator, outsider, blog } = await team();
  const image = await uploadPostImage(author, blog.id, png());
  assert.match(image.url, /^\/uploads\/[a-f0-9]{32}\.png$/);
  assert.deepEqual([image.width, image.height], [3, 2]);
  for (const actor of [moderator, outsider, null]) {
    await assert.rejects(uploadPostImage(actor, blog.id, png()), rejects("NOT_FOUND"));
  }
  const text = new File([new TextEncoder().encode("<svg/>")], "x.svg", { type: "image/svg+xml" });
  await assert.rejects(uploadPostImage(author, blog.id, text), rejects("INVALID_INPUT", "validation.uploadType"));
});
