// decideComments (issue 11): a moderator's decision on one or many comments is all or nothing,
// recorded in the audit log, resolves open reports and tells the reporters the outcome.
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { decideComments } from "@/lib/comments";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { closeLiveBus } from "@/lib/live";
import { flushNotificationMail } from "@/lib/notifications";
import { createBlog, createComment, createPost, createUser } from "../factories";
import { resetDb } from "../setup/db";

const info = console.info;
before(() => {
  process.env.NEXTAUTH_SECRET = "moderation-decisions-secret-0123456789";
  delete process.env.SMTP_URL;
  console.info = () => {};
});
beforeEach(async () => {
  await flushNotificationMail();
  await resetDb();
});
after(async () => {
  await flushNotificationMail();
  console.info = info;
  await closeLiveBus();
  await disconnectDb();
});

type Person = Awaited<ReturnType<typeof createUser>>;
const as = (user: Person) => ({ id: user.id, role: user.role, name: user.name });
const isApp = (code: string) => (error: unknown) => {
  assert.ok(error instanceof AppError, `expected AppError, got ${String(error)}`);
  assert.equal(error.code, code);
  return true;
};

async function scene() {
  const owner = await createUser({ name: "Josée Lavoie" });
  const moderator = await createUser({ name: "Sylvain Dionne" });
  const reader = await createUser({ name: "Élise Roy" });
  const blog = await createBlog({ ownerId: owner.id });
  await db.membership.create({ data: { blogId: blog.id, userId: moderator.id, role: "moderator" } });
  const post = await createPost({ blogId: blog.id, authorId: owner.id });
  return { owner, moderator, reader, blog, post };
}

const statuses = async (ids: string[]) =>
  (await db.comment.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } }))
    .sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))
    .map((c) => c.status);

test("a bulk approval publishes every held comment, notifies as a new comment would, and logs each", async () => {
  const { moderator, reader, post, blog } = await scene();
  const held = await Promise.all(
    [1, 2, 3].map((n) => createComment({ postId: post.id, authorId: reader.id, body: `Held ${n}`, status: "pending" })),
  );
  const ids = held.map((c) => c.id);
  const result = await decideComments(as(moderator), { ids, decision: "approve" });
  assert.deepEqual(result, { ids, status: "approved" });
  assert.deepEqual(await statuses(ids), ["approved", "approved", "approved"]);
  const entries = await db.auditEntry.findMany({ where: { blogId: blog.id }, orderBy: { subjectId: "asc" } });
  assert.deepEqual(
    entries.map((e) => [e.action, e.subjectId, e.actorName, e.before, e.after]),
    [...ids]
      .sort()
      .map((id) => ["comment.approve", id, "Sylvain Dionne", '{"status":"pending"}', '{"status":"approved"}']),
  );
  // The article's author hears of each comment now that it is public.
  assert.equal(await db.notification.count({ where: { kind: "post_comment", commentId: { in: ids } } }), 3);
});

test("all or nothing: when one comment was already decided, none changes and nothing is logged", async () => {
  const { moderator, reader, post } = await scene();
  const a = await createComment({ postId: post.id, authorId: reader.id, status: "pending" });
  const b = await createComment({ postId: post.id, authorId: reader.id, status: "approved" });
  await assert.rejects(decideComments(as(moderator), { ids: [a.id, b.id], decision: "approve" }), isApp("CONFLICT"));
  assert.deepEqual(await statuses([a.id, b.id]), ["pending", "approved"]);
  assert.equal(await db.auditEntry.count(), 0);
});

test("only the blog's staff decide; a comment of another blog makes the whole selection forbidden", async () => {
  const { moderator, reader, owner, post } = await scene();
  const elsewhere = await createBlog({ ownerId: owner.id });
  const otherPost = await createPost({ blogId: elsewhere.id, authorId: owner.id });
  const here = await createComment({ postId: post.id, authorId: reader.id, status: "pending" });
  const there = await createComment({ postId: otherPost.id, authorId: reader.id, status: "pending" });
  await assert.rejects(decideComments(as(reader), { ids: [here.id], decision: "spam" }), isApp("FORBIDDEN"));
  await assert.rejects(
    decideComments(as(moderator), { ids: [here.id, there.id], decision: "remove", reason: "off topic" }),
    isApp("FORBIDDEN"),
  );
  await assert.rejects(decideComments(null, { ids: [here.id], decision: "spam" }), isApp("UNAUTHENTICATED"));
  assert.deepEqual(await statuses([here.id, there.id]), ["pending", "pending"]);
  await assert.rejects(decideComments(as(moderator), { ids: [], decision: "spam" }));
  await assert.rejects(decideComments(as(moderator), { ids: ["missing"], decision: "spam" }), isApp("NOT_FOUND"));
});

test("removing with a reason keeps the reason for moderators; restoring clears it; reporters learn each outcome", async () => {
  const { moderator, reader, owner, post } = await scene();
  const reporters = await Promise.all([createUser(), createUser()]);
  const comment = await createComment({ postId: post.id, authorId: reader.id, status: "hidden" });
  await db.comment.update({ where: { id: comment.id }, data: { openReports: 2 } });
  await db.report.createMany({
    data: reporters.map((r) => ({ commentId: comment.id, reporterId: r.id, reason: "harassment" })),
  });

  await decideComments(as(moderator), { ids: [comment.id], decision: "remove", reason: "Insultes" });
  let row = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
  assert.deepEqual([row.status, row.moderationReason, row.openReports], ["removed", "Insultes", 0]);
  const reports = await db.report.findMany({ where: { commentId: comment.id } });
  assert.deepEqual(
    reports.map((r) => r.outcome),
    ["upheld", "upheld"],
  );
  const told = await db.notification.findMany({ where: { kind: "report_outcome" }, orderBy: { userId: "asc" } });
  assert.deepEqual(
    told.map((n) => [n.userId, n.actorId, JSON.parse(n.detail ?? "{}").outcome]),
    reporters
      .map((r) => r.id)
      .sort()
      .map((id) => [id, null, "upheld"]),
    "each reporter is told, and no notice names who acted",
  );
  // The author is never told who reported.
  assert.equal(await db.notification.count({ where: { userId: reader.id } }), 0);

  await decideComments(as(owner), { ids: [comment.id], decision: "restore" });
  row = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
  assert.deepEqual([row.status, row.moderationReason], ["approved", null]);
  assert.equal(await db.auditEntry.count({ where: { subjectId: comment.id } }), 2);
});

test("keep: a reported comment stays up, its reports dismissed and the reporters told", async () => {
  const { moderator, reader, post } = await scene();
  const reporter = await createUser();
  const comment = await createComment({ postId: post.id, authorId: reader.id, status: "approved" });
  await db.comment.update({ where: { id: comment.id }, data: { openReports: 1 } });
  await db.report.create({ data: { commentId: comment.id, reporterId: reporter.id, reason: "off_topic" } });
  await decideComments(as(moderator), { ids: [comment.id], decision: "keep" });
  const row = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
  assert.deepEqual([row.status, row.openReports], ["approved", 0]);
  const notice = await db.notification.findFirstOrThrow({ where: { userId: reporter.id, kind: "report_outcome" } });
  assert.equal(JSON.parse(notice.detail ?? "{}").outcome, "dismissed");
  await assert.rejects(decideComments(as(moderator), { ids: [comment.id], decision: "approve" }), isApp("CONFLICT"));
});
