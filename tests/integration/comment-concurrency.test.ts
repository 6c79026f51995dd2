// Issue 12, item 7: a hundred comments posted at once on one article — none lost, the tree
// consistent, every person notified once per comment — on SQLite and PostgreSQL alike.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createComment } from "@/lib/comments";
import { db, disconnectDb } from "@/lib/db";
import { closeLiveBus } from "@/lib/live";
import { flushNotificationMail } from "@/lib/notifications";
import { createBlog, createPost, createUser } from "../factories";
import { resetDb } from "../setup/db";

const info = console.info;
before(async () => {
  delete process.env.SMTP_URL;
  console.info = () => {};
  await resetDb();
});
after(async () => {
  await flushNotificationMail();
  console.info = info;
  await closeLiveBus();
  await disconnectDb();
});

test("100 comments at once: all stored, replies under their parents, one notice per person and comment", async () => {
  const author = await createUser({ name: "Josée Lavoie" });
  const blog = await createBlog({ ownerId: author.id });
  const post = await createPost({ blogId: blog.id, authorId: author.id });
  const first = await createUser({ name: "Sylvain Dionne" });
  const opening = await createComment(
    { id: first.id, role: "member", name: first.name },
    {
      postId: post.id,
      body: "Qui commence ?",
    },
  );
  const people = await Promise.all(Array.from({ length: 100 }, (_, i) => createUser({ name: `Lecteur ${i}` })));

  const results = await Promise.allSettled(
    people.map((person, i) =>
      createComment(
        { id: person.id, role: "member", name: person.name },
        i % 2
          ? { postId: post.id, parentId: opening.id, body: `@Sylvain Dionne réponse n° ${i} « à chaud »` }
          : { postId: post.id, body: `Fil n° ${i} 🎉` },
      ),
    ),
  );
  const failures = results.filter((r) => r.status === "rejected");
  assert.deepEqual(failures, [], "every POST succeeds");

  const comments = await db.comment.findMany({
    where: { postId: post.id },
    select: { id: true, parentId: true, authorId: true },
  });
  assert.equal(comments.length, 101);
  const ids = new Set(comments.map((c) => c.id));
  assert.ok(
    comments.every((c) => c.parentId === null || ids.has(c.parentId)),
    "every parent exists",
  );
  assert.equal(comments.filter((c) => c.parentId === opening.id).length, 50);

  // The article's author hears of each comment once; Sylvain, who follows the discussion since he
  // commented, once per comment too: his replies as replies (mentioning him as well), the rest as news.
  const notices = await db.notification.findMany({ select: { userId: true, commentId: true, kind: true } });
  const keys = notices.map((n) => `${n.userId}/${n.commentId}`);
  assert.equal(new Set(keys).size, keys.length, "nobody is notified twice of one comment");
  assert.equal(notices.filter((n) => n.userId === author.id).length, 101);
  const his = notices.filter((n) => n.userId === first.id);
  assert.equal(his.length, 100);
  assert.equal(his.filter((n) => n.kind === "reply" || n.kind === "mention").length, 50);
});
