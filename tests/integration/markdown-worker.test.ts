import assert from "node:assert/strict";
import { after, test } from "node:test";
import { GET as health } from "@/app/api/health/route";
import { previewComment } from "@/lib/comments";
import { disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { renderPool } from "@/lib/markdown";
import { createBlog, createPost, createUser } from "../factories";
import { hostileMarkdown } from "../fixtures/hostile-markdown";

after(async () => {
  await renderPool().close();
  await disconnectDb();
});

test("markdown worker: /api/health answers (with a real query) while hostile texts are being rendered", async () => {
  // The slowest kinds of text, at an article's full length, on every worker of the app's pool.
  const names = ["setext headings", "ATX headings", "hard line breaks", "unclosed links"];
  let settled = 0;
  const renders = names.map((name) =>
    renderPool()
      .render(hostileMarkdown[name]!, "article")
      .then(
        () => "rendered",
        (error: unknown) => (error instanceof AppError ? error.message : String(error)),
      )
      .finally(() => settled++),
  );
  // Health is answered while none of them is done: the main thread does not render.
  for (let i = 0; i < 3; i++) {
    const response = await health();
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { ok: boolean }).ok, true);
  }
  assert.equal(settled, 0, "a hostile render finished before health answered three times");
  for (const outcome of await Promise.all(renders)) {
    assert.match(outcome, /^(rendered|validation\.markdownTooComplex)$/);
  }
});

test("markdown worker: comment previews are rate limited per person, and a refused text says why", async () => {
  const author = await createUser();
  const blog = await createBlog({ ownerId: author.id });
  const post = await createPost({ blogId: blog.id, authorId: author.id, status: "published" });
  const reader = await createUser();
  const viewer = { id: reader.id, role: "member" };
  const deep = "> ".repeat(40) + "trop profond";
  await assert.rejects(previewComment(viewer, post.id, deep, { ip: "198.51.100.7" }), /markdownTooDeep/);
  assert.match(await previewComment(viewer, post.id, "**ok**", { ip: "198.51.100.7" }), /<strong>ok<\/strong>/);
  // PREVIEWS_PER_MINUTE (120) in all, then refused; another person is not affected.
  let refused: unknown = null;
  for (let i = 0; i < 120 && !refused; i++) {
    await previewComment(viewer, post.id, "", { ip: "198.51.100.7" }).catch((error: unknown) => (refused = error));
  }
  assert.ok(refused instanceof AppError && refused.code === "RATE_LIMITED");
  const other = await createUser();
  assert.equal(await previewComment({ id: other.id, role: "member" }, post.id, "", { ip: "198.51.100.7" }), "");
  // Guests are counted by address: one address's previews do not use up another's.
  assert.equal(await previewComment(null, post.id, "", { ip: "198.51.100.8" }), "");
});
