import assert from "node:assert/strict";
import { after, beforeEach, test } from "node:test";
import { GET as suggestions } from "@/app/api/v1/posts/[id]/mention-suggestions/route";
import { createApiToken } from "@/lib/auth";
import { db, disconnectDb } from "@/lib/db";
import { parseMentionCandidates, resolveMentions } from "@/lib/mentions";
import { createBlog, createComment, createPost, createUser } from "../factories";
import { resetDb } from "../setup/db";

beforeEach(resetDb);
after(disconnectDb);

/** A blog owned by Josée with one public article of hers, and a draft. */
async function scene() {
  const owner = await createUser({ name: "Josée Lavoie", handle: "josee" });
  const blog = await createBlog({ ownerId: owner.id });
  const post = await createPost({ blogId: blog.id, authorId: owner.id });
  const draft = await createPost({ blogId: blog.id, authorId: owner.id, status: "draft" });
  return { owner, blog, post, draft };
}

async function mentioned(body: string, post: { id: string; blogId: string; authorId: string }) {
  const resolved = await resolveMentions(parseMentionCandidates(body), {
    postId: post.id,
    blogId: post.blogId,
    postAuthorId: post.authorId,
  });
  return resolved.users.map((user) => user.id).sort();
}

test("mentions: a shared name goes to the one person of the thread who bears it", async () => {
  const { post } = await scene();
  const inThread = await createUser({ name: "Marc Roy", handle: "marcroy" });
  const stranger = await createUser({ name: "Marc Roy", handle: "imposteur" });
  await createComment({ postId: post.id, authorId: inThread.id });
  assert.deepEqual(await mentioned("@Marc Roy, merci", post), [inThread.id]);
  // The stranger's handle still names them: handles are unique.
  assert.deepEqual(await mentioned("@imposteur", post), [stranger.id]);
});

test("mentions: someone renamed to the article author's name does not receive her mentions", async () => {
  const { post, owner } = await scene();
  await createUser({ name: "Josée Lavoie", handle: "pas-josee" });
  assert.deepEqual(await mentioned("@Josée Lavoie", post), [owner.id]);
});

test("mentions: two people of the thread with one name, or two strangers, are left as text", async () => {
  const { post, blog } = await scene();
  const commenter = await createUser({ name: "Marc Roy" });
  const member = await createUser({ name: "Marc Roy" });
  await createComment({ postId: post.id, authorId: commenter.id });
  await db.membership.create({ data: { blogId: blog.id, userId: member.id, role: "author" } });
  assert.deepEqual(await mentioned("@Marc Roy a raison", post), []);
  assert.deepEqual(await mentioned("@Marc a raison", post), [], "a shared first name too");
  await Promise.all([createUser({ name: "Anne Côté" }), createUser({ name: "Anne Côté" })]);
  assert.deepEqual(await mentioned("@Anne Côté", post), []);
  // The author and a commenter sharing a name are two people of the thread as well.
  const twin = await createUser({ name: "Josée Lavoie" });
  await createComment({ postId: post.id, authorId: twin.id });
  assert.deepEqual(await mentioned("@Josée Lavoie", post), []);
});

const BASE = "http://localhost:3999/api/v1/posts";
const ask = async (postId: string, q: string, token: string | null) => {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const response = await suggestions(
    new Request(`${BASE}/${postId}/mention-suggestions?q=${encodeURIComponent(q)}`, { headers }),
    {
      params: Promise.resolve({ id: postId }),
    },
  );
  return {
    status: response.status,
    body: (await response.json()) as { suggestions?: { handle: string; mention: string }[] },
  };
};

test("mention suggestions: signed-in callers only, public articles only", async () => {
  const { post, draft, owner, blog } = await scene();
  const reader = await createUser({ name: "Lina Roy" });
  const { token } = await createApiToken(reader.id, "t");
  assert.equal((await ask(post.id, "jo", null)).status, 401);
  assert.equal((await ask(draft.id, "jo", null)).status, 401);
  assert.equal((await ask(draft.id, "jo", token)).status, 404, "a draft is not public");
  const scheduled = await createPost({
    blogId: blog.id,
    authorId: owner.id,
    status: "scheduled",
    publishedAt: new Date(Date.now() + 3600_000),
  });
  assert.equal((await ask(scheduled.id, "jo", token)).status, 404, "a scheduled article before its date");
  await db.post.update({ where: { id: post.id }, data: { deletedAt: new Date() } });
  assert.equal((await ask(post.id, "jo", token)).status, 404, "a deleted article");
  assert.equal((await ask("no-such-post", "jo", token)).status, 404);
});

test("mention suggestions: nothing typed lists the thread only; shared names come with their handle", async () => {
  const { post } = await scene();
  const reader = await createUser({ name: "Lina Roy" });
  const { token } = await createApiToken(reader.id, "t");
  const a = await createUser({ name: "Marc Roy", handle: "marca" });
  await createUser({ name: "Marc Roy", handle: "marcb" });
  await createComment({ postId: post.id, authorId: a.id });
  await createUser({ name: "Zoé Stranger", handle: "zoe" });
  const empty = await ask(post.id, "", token);
  assert.equal(empty.status, 200);
  assert.deepEqual(empty.body.suggestions!.map((s) => s.handle).sort(), ["josee", "marca"], "the thread's people only");
  const typed = await ask(post.id, "marc", token);
  assert.deepEqual(
    typed.body.suggestions!.map((s) => [s.handle, s.mention]),
    [
      ["marca", "marca"],
      ["marcb", "marcb"],
    ],
    "a shared name is written as the handle",
  );
  assert.deepEqual(
    (await ask(post.id, "jos", token)).body.suggestions!.map((s) => s.mention),
    ["Josée Lavoie"],
  );
  assert.deepEqual(
    (await ask(post.id, "zo", token)).body.suggestions!.map((s) => s.handle),
    ["zoe"],
  );
});
