import assert from "node:assert/strict";
import { after, beforeEach, test } from "node:test";
import { createComment, editComment, listEditHistory } from "@/lib/comments";
import { db, disconnectDb } from "@/lib/db";
import { createBlog, createPost, createUser } from "../factories";
import { resetDb } from "../setup/db";

beforeEach(resetDb);
after(disconnectDb);

test("comments: an edited comment's earlier text is visible to the blog's moderators only", async () => {
  const owner = await createUser({ handle: "owner" });
  const moderator = await createUser({ handle: "moder" });
  const reader = await createUser({ handle: "reader" });
  const blog = await createBlog({ ownerId: owner.id });
  await db.membership.create({ data: { blogId: blog.id, userId: moderator.id, role: "moderator" } });
  const post = await createPost({ blogId: blog.id, authorId: owner.id });
  const { id } = await createComment(reader, { postId: post.id, body: "First thought" });
  await editComment(reader, id, "Second thought");
  for (const viewer of [owner, moderator]) {
    const history = await listEditHistory(viewer, post.id);
    assert.deepEqual(
      history.get(id)?.map((edit) => edit.bodySource),
      ["First thought"],
    );
  }
  assert.equal((await listEditHistory(reader, post.id)).size, 0, "not even to the comment's author");
  assert.equal((await listEditHistory(null, post.id)).size, 0);
});
