// The member shell (issue 12, item 3): which signed-in readers the page every signed-in reader
// shares fits (getThreadShell's asAnyMember, read by lib/personal), and what the shell itself
// holds: the rights of any signed-in reader, and nobody's ids.
import assert from "node:assert/strict";
import { after, beforeEach, test } from "node:test";
import { viewerForClaims } from "@/lib/auth/session";
import { getThreadShell } from "@/lib/comments";
import { db, disconnectDb } from "@/lib/db";
import { createBlog, createComment, createPost, createUser } from "../factories";
import { resetDb } from "../setup/db";

beforeEach(resetDb);
after(disconnectDb);

const viewer = async (id: string) => (await viewerForClaims({ id, sv: 0 }))!;

async function fit(postId: string, userId: string) {
  const shell = await getThreadShell(postId, await viewer(userId));
  return shell.shared ? shell.asAnyMember : "rendered for them";
}

test("the shell fits a plain reader, with their ids apart; not the blog's moderators", async () => {
  const owner = await createUser({ handle: "josee" });
  const reader = await createUser({ handle: "tom" });
  const moderator = await createUser({ handle: "noemie" });
  const blog = await createBlog({ ownerId: owner.id });
  await db.membership.create({ data: { blogId: blog.id, userId: moderator.id, role: "moderator" } });
  const post = await createPost({ blogId: blog.id, authorId: owner.id });
  const mine = await createComment({ postId: post.id, authorId: reader.id });
  const other = await createComment({ postId: post.id, authorId: owner.id });
  await db.reaction.create({ data: { commentId: other.id, userId: reader.id, kind: "like" } });

  assert.equal(await fit(post.id, reader.id), true);
  assert.equal(await fit(post.id, moderator.id), "rendered for them");
  assert.equal(await fit(post.id, owner.id), "rendered for them");
  const own = await getThreadShell(post.id, await viewer(reader.id));
  assert.ok(own.shared);
  assert.deepEqual(own.personal.own, [mine.id]);
  assert.deepEqual(own.personal.liked, [other.id]);

  // The shell: any signed-in reader's rights, nobody's ids, the count everyone sees.
  const shell = await getThreadShell(post.id, "any-member");
  assert.ok(shell.shared);
  assert.equal(shell.count, 2);
  assert.equal(shell.viewer.canComment, true);
  assert.equal(shell.viewer.isFollowing, false);
  assert.deepEqual([shell.personal.liked, shell.personal.own, shell.personal.reported], [[], [], []]);
});

test("readers whose discussion differs from any reader's get their own page: sanctioned, members, slow mode", async () => {
  const owner = await createUser({ handle: "josee" });
  const suspended = await createUser({ handle: "suspendu" });
  const author = await createUser({ handle: "autrice" });
  const hasty = await createUser({ handle: "presse" });
  const reader = await createUser({ handle: "lecteur" });
  const blog = await createBlog({ ownerId: owner.id });
  await db.membership.create({ data: { blogId: blog.id, userId: author.id, role: "author" } });
  const post = await createPost({ blogId: blog.id, authorId: owner.id });
  await db.sanction.create({
    data: {
      userId: suspended.id,
      blogId: blog.id,
      kind: "suspension",
      reason: "test",
      endsAt: new Date(Date.now() + 86_400_000),
    },
  });
  assert.equal(await fit(post.id, suspended.id), false);
  // An author of the blog comments as any reader would on an open discussion...
  assert.equal(await fit(post.id, author.id), true);
  // ...but not on a members-only one, where the shell tells readers it is for members.
  await db.post.update({ where: { id: post.id }, data: { commentPolicy: "members" } });
  assert.equal(await fit(post.id, author.id), false);
  assert.equal(await fit(post.id, reader.id), true);
  const shell = await getThreadShell(post.id, "any-member");
  assert.ok(shell.shared && !shell.viewer.canComment && shell.viewer.reason === "membersOnly");
  // Slow mode: a reader who must wait sees when; the others share the shell.
  await db.post.update({ where: { id: post.id }, data: { commentPolicy: null, slowModeSeconds: 600 } });
  await createComment({ postId: post.id, authorId: hasty.id });
  assert.equal(await fit(post.id, hasty.id), false);
  assert.equal(await fit(post.id, reader.id), true);
});
