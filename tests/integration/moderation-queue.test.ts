import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, beforeEach, test } from "node:test";
import { POST as postDecisions } from "@/app/api/v1/moderation/decisions/route";
import { GET as getQueue } from "@/app/api/v1/moderation/queue/route";
import { createApiToken } from "@/lib/auth";
import { createComment, decideComments } from "@/lib/comments";
import { captureQueries, db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { closeLiveBus } from "@/lib/live";
import { countWaiting, listQueue, type QueueTab } from "@/lib/moderation";
import { flushNotificationMail, getPreferences, listNotifications, setPreferences } from "@/lib/notifications";
import { createBlog, createComment as createCommentRow, createPost, createUser } from "../factories";
import { resetDb } from "../setup/db";

let outbox: string;
const info = console.info;
before(() => {
  process.env.NEXTAUTH_SECRET = "queue-test-secret-0123456789";
  delete process.env.SMTP_URL;
  console.info = () => {};
});
beforeEach(async () => {
  await flushNotificationMail();
  await resetDb();
  outbox = mkdtempSync(join(tmpdir(), "tribune-queue-outbox-"));
  process.env.OUTBOX_DIR = outbox;
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
const statements = (queries: { query: string }[]) =>
  queries.filter((q) => !/^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(q.query.trim())).length;

/** Two blogs: "carnet" (owner, moderator, author) and "marges" (its own owner), one article each. */
async function world() {
  const [admin, owner, moderator, author, reader, otherOwner] = await Promise.all([
    createUser({ handle: "anne", name: "Anne Admin", role: "admin" }),
    createUser({ handle: "josee", name: "Josée" }),
    createUser({ handle: "noemie", name: "Noémie" }),
    createUser({ handle: "sylvain", name: "Sylvain" }),
    createUser({ handle: "tom", name: "Tom" }),
    createUser({ handle: "priya", name: "Priya" }),
  ]);
  const blog = await createBlog({ slug: "carnet", name: "Le carnet", ownerId: owner.id });
  await db.blog.update({ where: { id: blog.id }, data: { allowGuestComments: true } });
  await db.membership.createMany({
    data: [
      { blogId: blog.id, userId: moderator.id, role: "moderator" },
      { blogId: blog.id, userId: author.id, role: "author" },
    ],
  });
  const other = await createBlog({ slug: "marges", name: "Marges", ownerId: otherOwner.id });
  const post = await createPost({ blogId: blog.id, authorId: owner.id, title: "Fermer les commentaires" });
  const post2 = await createPost({ blogId: blog.id, authorId: owner.id, title: "Un autre article" });
  const otherPost = await createPost({ blogId: other.id, authorId: otherOwner.id, title: "Ailleurs" });
  return { admin, owner, moderator, author, reader, otherOwner, blog, other, post, post2, otherPost };
}

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 12, minutes));

test("queue: tabs, context (article, parent, reports, held-by) and counts", async () => {
  const w = await world();
  const parent = await createCommentRow({ postId: w.post.id, authorId: w.owner.id, body: "The **parent** text" });
  const held = await createCommentRow({
    postId: w.post.id,
    authorId: w.reader.id,
    parentId: parent.id,
    body: "A held reply",
    status: "pending",
    createdAt: at(1),
  });
  await db.comment.update({
    where: { id: held.id },
    data: { heldBy: JSON.stringify([{ rule: "links", detail: 3 }, "first_comment"]) },
  });
  const guest = await db.comment.create({
    data: {
      postId: w.post.id,
      guestName: "Visiteur",
      guestEmail: "v@example.test",
      bodySource: "guest",
      bodyHtml: "<p>guest</p>",
      status: "pending",
      createdAt: at(2),
    },
  });
  const reported = await createCommentRow({ postId: w.post.id, authorId: w.author.id, createdAt: at(3) });
  const hidden = await createCommentRow({
    postId: w.post.id,
    authorId: w.author.id,
    status: "hidden",
    createdAt: at(4),
  });
  await db.comment.updateMany({ where: { id: { in: [reported.id, hidden.id] } }, data: { openReports: 2 } });
  await db.report.createMany({
    data: [
      { commentId: reported.id, reporterId: w.reader.id, reason: "spam" },
      { commentId: reported.id, reporterId: w.owner.id, reason: "spam", note: "ads again" },
      { commentId: hidden.id, reporterId: w.reader.id, reason: "harassment" },
      { commentId: hidden.id, reporterId: w.admin.id, reason: "other", note: "rude" },
    ],
  });
  await createCommentRow({ postId: w.post.id, authorId: w.reader.id, status: "spam", createdAt: at(5) });
  await createCommentRow({ postId: w.post.id, authorId: w.reader.id, status: "removed", createdAt: at(6) });
  // Another blog's waiting comment never shows in this blog's queue.
  await createCommentRow({ postId: w.otherPost.id, authorId: w.reader.id, status: "pending", createdAt: at(7) });

  const scope = { blogId: w.blog.id };
  const waiting = await listQueue(as(w.moderator), { scope });
  assert.deepEqual(waiting.counts, { waiting: 2, reported: 2, spam: 1, removed: 1 });
  assert.deepEqual(
    waiting.items.map((item) => item.id),
    [held.id, guest.id],
    "oldest first",
  );
  const [first, second] = waiting.items;
  assert.equal(first!.post.title, "Fermer les commentaires");
  assert.equal(first!.post.href, `/carnet/${w.post.slug}/c/${held.id}`);
  assert.deepEqual(
    { excerpt: first!.parent?.excerpt, author: first!.parent?.authorName },
    {
      excerpt: "The parent text",
      author: "Josée",
    },
  );
  assert.deepEqual(first!.heldBy, ["links: 3", "first_comment"]);
  assert.deepEqual(first!.author, { kind: "member", id: w.reader.id, handle: "tom", name: "Tom", image: null });
  assert.deepEqual(second!.author, { kind: "guest", name: "Visiteur", email: "v@example.test" });
  assert.equal(second!.record.firstComment, true);

  const reports = await listQueue(as(w.moderator), { scope, tab: "reported" });
  assert.deepEqual(
    reports.items.map((item) => item.id),
    [hidden.id, reported.id],
    "newest first",
  );
  const spamReports = reports.items[1]!.reports.map((r) => ({ ...r, reporters: r.reporters?.sort() ?? null }));
  assert.deepEqual(spamReports, [{ reason: "spam", count: 2, notes: ["ads again"], reporters: ["Josée", "Tom"] }]);
  assert.equal(reports.items[0]!.reports.length, 2);

  for (const tab of ["spam", "removed"] as QueueTab[]) {
    const page = await listQueue(as(w.owner), { scope, tab });
    assert.equal(page.items.length, 1, tab);
    assert.equal(page.items[0]!.status, tab);
  }

  // The instance queue: every blog, for admins; filtered by blog.
  const all = await listQueue(as(w.admin), { scope: "instance" });
  assert.equal(all.counts.waiting, 3);
  const marges = await listQueue(as(w.admin), { scope: "instance", blog: "marges" });
  assert.equal(marges.items.length, 1);
  assert.equal(marges.blog?.name, "Marges");
});

test("queue: filters by article and author (member handle, guest e-mail)", async () => {
  const w = await world();
  await createCommentRow({ postId: w.post.id, authorId: w.reader.id, status: "pending" });
  await createCommentRow({ postId: w.post2.id, authorId: w.reader.id, status: "pending" });
  await createCommentRow({ postId: w.post2.id, authorId: w.author.id, status: "pending" });
  await db.comment.create({
    data: {
      postId: w.post2.id,
      guestName: "Visiteur",
      guestEmail: "v@example.test",
      bodySource: "g",
      bodyHtml: "<p>g</p>",
      status: "pending",
    },
  });
  const scope = { blogId: w.blog.id };
  const count = async (filters: { post?: string; author?: string }) =>
    (await listQueue(as(w.moderator), { scope, ...filters })).items.length;
  assert.equal(await count({}), 4);
  assert.equal(await count({ post: w.post2.id }), 3);
  assert.equal(await count({ author: "tom" }), 2);
  assert.equal(await count({ author: "@TOM" }), 2);
  assert.equal(await count({ author: "tom", post: w.post.id }), 1);
  assert.equal(await count({ author: "V@example.test" }), 1);
  assert.equal(await count({ author: "nobody" }), 0);
  // An article of another blog filters to nothing here.
  assert.equal(await count({ post: w.otherPost.id }), 0);
  // The counts follow the filters.
  assert.equal((await listQueue(as(w.moderator), { scope, post: w.post2.id })).counts.waiting, 3);
});

test("queue: the author's record on that blog (first comment, approved, removed, spam, reported)", async () => {
  const w = await world();
  const approved = await createCommentRow({ postId: w.post.id, authorId: w.reader.id });
  await createCommentRow({ postId: w.post2.id, authorId: w.reader.id });
  await createCommentRow({ postId: w.post.id, authorId: w.reader.id, status: "removed" });
  await createCommentRow({ postId: w.post.id, authorId: w.reader.id, status: "spam" });
  await db.report.create({ data: { commentId: approved.id, reporterId: w.author.id, reason: "off_topic" } });
  // On another blog: not part of this blog's record.
  await createCommentRow({ postId: w.otherPost.id, authorId: w.reader.id });
  await createCommentRow({ postId: w.post.id, authorId: w.reader.id, status: "pending" });
  await createCommentRow({ postId: w.post.id, authorId: w.author.id, status: "pending" });

  const page = await listQueue(as(w.moderator), { scope: { blogId: w.blog.id } });
  const tom = page.items.find((item) => item.author.kind === "member" && item.author.handle === "tom")!;
  assert.deepEqual(tom.record, { total: 5, approved: 2, removed: 1, spam: 1, reported: 1, firstComment: false });
  const sylvain = page.items.find((item) => item.author.kind === "member" && item.author.handle === "sylvain")!;
  assert.deepEqual(sylvain.record, { total: 1, approved: 0, removed: 0, spam: 0, reported: 0, firstComment: true });

  // Same record from the instance queue (several blogs on one page).
  await createCommentRow({ postId: w.otherPost.id, authorId: w.reader.id, status: "pending" });
  const all = await listQueue(as(w.admin), { scope: "instance" });
  const records = all.items
    .filter((item) => item.author.kind === "member" && item.author.handle === "tom")
    .map((item) => [item.blog.slug, item.record.total, item.record.approved]);
  assert.deepEqual(records.sort(), [
    ["carnet", 5, 2],
    ["marges", 2, 1],
  ]);
});

test("queue: keyset pages of 25, none lost or repeated, stable while decisions are taken", async () => {
  const w = await world();
  await db.comment.createMany({
    data: Array.from({ length: 60 }, (_, i) => ({
      id: `held_${String(i).padStart(3, "0")}`,
      postId: w.post.id,
      authorId: w.reader.id,
      bodySource: `held ${i}`,
      bodyHtml: `<p>held ${i}</p>`,
      status: "pending",
      // Pairs share a timestamp: the id breaks the tie.
      createdAt: at(Math.floor(i / 2)),
    })),
  });
  const scope = { blogId: w.blog.id };
  const seen: string[] = [];
  let cursor: string | undefined;
  const sizes: number[] = [];
  do {
    const page = await listQueue(as(w.moderator), { scope, cursor });
    sizes.push(page.items.length);
    seen.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor ?? undefined;
    // A decision on the page just read does not shift the next one.
    if (sizes.length === 1) await decideComments(as(w.moderator), { ids: [page.items[0]!.id], decision: "approve" });
  } while (cursor);
  assert.deepEqual(sizes, [25, 25, 10]);
  assert.deepEqual(
    seen,
    Array.from({ length: 60 }, (_, i) => `held_${String(i).padStart(3, "0")}`),
  );
  await assert.rejects(listQueue(as(w.moderator), { scope, cursor: "garbage" }), isApp("INVALID_INPUT"));
});

test("queue: the query count is the same for 5 and for 50 items by 50 different people", async () => {
  const w = await world();
  await db.user.createMany({
    data: Array.from({ length: 50 }, (_, i) => ({
      id: `person_${i}`,
      handle: `person${i}`,
      handleKey: `person${i}`,
      name: `Person ${i}`,
      nameKey: `person ${i}`,
    })),
  });
  const parent = await createCommentRow({ postId: w.post.id, authorId: w.owner.id });
  const seed = async (postId: string, n: number, reported: boolean) => {
    const ids = Array.from({ length: n }, (_, i) => `${postId}_${i}`);
    await db.comment.createMany({
      data: ids.map((id, i) => ({
        id,
        postId,
        authorId: `person_${i}`,
        parentId: postId === w.post.id ? parent.id : null,
        bodySource: "x",
        bodyHtml: "<p>x</p>",
        status: reported ? "approved" : "pending",
        openReports: reported ? 1 : 0,
        guestEmail: null,
      })),
    });
    if (reported)
      await db.report.createMany({
        data: ids.map((commentId) => ({ commentId, reporterId: w.reader.id, reason: "spam" })),
      });
  };
  const small = await createPost({ blogId: w.blog.id, authorId: w.owner.id });
  const big = await createPost({ blogId: w.blog.id, authorId: w.owner.id });
  await seed(small.id, 5, false);
  await seed(big.id, 50, false);
  const smallR = await createPost({ blogId: w.blog.id, authorId: w.owner.id });
  const bigR = await createPost({ blogId: w.blog.id, authorId: w.owner.id });
  await seed(smallR.id, 5, true);
  await seed(bigR.id, 50, true);

  const cost = async (post: string, tab: QueueTab, actor: Person, instance = false) => {
    const { result, queries } = await captureQueries(() =>
      listQueue(as(actor), { scope: instance ? "instance" : { blogId: w.blog.id }, tab, post, limit: 50 }),
    );
    assert.ok(result.items.length === 5 || result.items.length === 50);
    return statements(queries);
  };
  for (const [tab, a, b] of [
    ["waiting", small.id, big.id],
    ["reported", smallR.id, bigR.id],
  ] as const) {
    const few = await cost(a, tab, w.moderator);
    const many = await cost(b, tab, w.moderator);
    assert.equal(many, few, `${tab}: ${few} queries for 5 items, ${many} for 50`);
    assert.ok(few <= 14, `${tab}: ${few} queries`);
    assert.equal(await cost(b, tab, w.admin, true), await cost(a, tab, w.admin, true));
  }
});

test("queue: who may see it (policy), for the blog and for the instance", async () => {
  const w = await world();
  const scope = { blogId: w.blog.id };
  for (const who of [w.owner, w.moderator, w.admin]) await listQueue(as(who), { scope });
  for (const who of [w.author, w.reader, w.otherOwner])
    await assert.rejects(listQueue(as(who), { scope }), isApp("FORBIDDEN"));
  await assert.rejects(listQueue(null, { scope }), isApp("UNAUTHENTICATED"));
  await listQueue(as(w.admin), { scope: "instance" });
  for (const who of [w.owner, w.moderator, w.reader])
    await assert.rejects(listQueue(as(who), { scope: "instance" }), isApp("FORBIDDEN"));
});

test("countWaiting: over every blog the person moderates, admins all, in two queries at most", async () => {
  const w = await world();
  await db.membership.create({ data: { blogId: w.other.id, userId: w.moderator.id, role: "moderator" } });
  await createCommentRow({ postId: w.post.id, authorId: w.reader.id, status: "pending" });
  await createCommentRow({ postId: w.post2.id, authorId: w.reader.id, status: "pending" });
  await createCommentRow({ postId: w.otherPost.id, authorId: w.reader.id, status: "pending" });
  await createCommentRow({ postId: w.otherPost.id, authorId: w.reader.id, status: "approved" });

  const { result, queries } = await captureQueries(() => countWaiting(as(w.moderator)));
  assert.equal(result?.count, 3);
  assert.equal(result?.href, "/write/carnet/moderation");
  assert.deepEqual(result?.blogs.map((b) => b.slug).sort(), ["carnet", "marges"]);
  assert.ok(statements(queries) <= 2);
  assert.equal((await countWaiting(as(w.owner)))?.count, 2);
  assert.equal((await countWaiting(as(w.otherOwner)))?.count, 1);
  assert.deepEqual(await countWaiting(as(w.admin)), { count: 3, href: "/moderation", blogs: [] });
  assert.equal(await countWaiting(as(w.reader)), null);
  assert.equal(await countWaiting(as(w.author)), null);
  assert.equal(await countWaiting(null), null);
});

async function mails() {
  await flushNotificationMail();
  return readdirSync(outbox)
    .filter((name) => name.endsWith(".eml"))
    .map((name) => readFileSync(join(outbox, name), "utf8"));
}

test("comment_held: a held comment notifies the blog's owners and moderators, as their preferences say", async () => {
  const w = await world();
  assert.deepEqual((await getPreferences(w.moderator.id)).comment_held, { inApp: true, email: true });
  // The owner wants no mail of these; the moderator nothing in the app.
  const ownerPrefs = await getPreferences(w.owner.id);
  await setPreferences(w.owner.id, { ...ownerPrefs, comment_held: { inApp: true, email: false } });
  const modPrefs = await getPreferences(w.moderator.id);
  await setPreferences(w.moderator.id, { ...modPrefs, comment_held: { inApp: false, email: true } });

  const guest = {
    postId: w.post.id,
    body: "Bonjour, *première* visite.",
    guestName: "Visiteur",
    guestEmail: "v@example.test",
  };
  const held = await createComment(null, guest, { ip: "203.0.113.9" });
  assert.equal(held.status, "pending");

  const notices = await db.notification.findMany({
    where: { commentId: held.id },
    select: { userId: true, kind: true },
  });
  assert.deepEqual(notices, [{ userId: w.owner.id, kind: "comment_held" }]);
  const [item] = (await listNotifications(w.owner)).items;
  assert.equal(item?.kind, "comment_held");
  assert.equal(item?.href, "/write/carnet/moderation");

  const sent = await mails();
  assert.equal(sent.length, 1);
  assert.match(sent[0]!, /To: noemie@example\.test/);
  assert.match(sent[0]!, /Visiteur/);
  assert.match(sent[0]!, /\/write\/carnet\/moderation/);

  // An approved comment (a signed-in reader) holds nothing and notifies no moderator.
  const published = await createComment(as(w.reader), { postId: w.post.id, body: "Hello" });
  assert.equal(await db.notification.count({ where: { commentId: published.id, kind: "comment_held" } }), 0);

  // Deciding removes the notice: nobody needs to look any more.
  await decideComments(as(w.moderator), { ids: [held.id], decision: "approve" });
  assert.equal(await db.notification.count({ where: { commentId: held.id, kind: "comment_held" } }), 0);
});

test("comment_held: the commenting moderator is not told of their own held comment; other staff are", async () => {
  const w = await world();
  // A comment created with status pending by any path (rules, here forced) notifies the staff but not its author.
  await db.blog.update({ where: { id: w.blog.id }, data: { commentPolicy: "open" } });
  const { noticeHeldComment } = await import("@/lib/moderation");
  const row = await createCommentRow({ postId: w.post.id, authorId: w.moderator.id, status: "pending" });
  await noticeHeldComment({
    id: row.id,
    postId: w.post.id,
    authorId: w.moderator.id,
    authorName: "Noémie",
    excerpt: "x",
  });
  const notified = await db.notification.findMany({ where: { commentId: row.id }, select: { userId: true } });
  assert.deepEqual(notified, [{ userId: w.owner.id }]);
});

// --- API -----------------------------------------------------------------------------------

const BASE = "http://localhost:3999/api/v1";
function apiRequest(path: string, token: string | null, method = "GET", body?: unknown): Request {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${BASE}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

test("API: the queue and decisions, refused exactly as the policy says, all or nothing", async () => {
  const w = await world();
  const token = async (user: Person) => (await createApiToken(user.id, "t")).token;
  const [mod, admin, author, reader, owner2] = await Promise.all([
    token(w.moderator),
    token(w.admin),
    token(w.author),
    token(w.reader),
    token(w.otherOwner),
  ]);
  const a = await createCommentRow({ postId: w.post.id, authorId: w.reader.id, status: "pending" });
  const b = await createCommentRow({ postId: w.post.id, authorId: w.reader.id, status: "pending" });
  const published = await createCommentRow({ postId: w.post.id, authorId: w.reader.id, status: "approved" });

  const status = async (path: string, t: string | null) => (await getQueue(apiRequest(path, t))).status;
  assert.equal(await status("/moderation/queue?blog=carnet", null), 401);
  assert.equal(await status("/moderation/queue?blog=carnet", reader), 403);
  assert.equal(await status("/moderation/queue?blog=carnet", author), 403);
  assert.equal(await status("/moderation/queue?blog=carnet", owner2), 403);
  assert.equal(await status("/moderation/queue?blog=nowhere", mod), 404);
  assert.equal(await status("/moderation/queue", mod), 403);
  assert.equal(await status("/moderation/queue", null), 401);
  assert.equal(await status("/moderation/queue", admin), 200);

  const res = await getQueue(apiRequest("/moderation/queue?blog=carnet&tab=waiting&limit=1", mod));
  assert.equal(res.status, 200);
  const body = (await res.json()) as {
    items: { id: string; createdAt: string; author: { handle: string } }[];
    counts: Record<string, number>;
    nextCursor: string | null;
  };
  assert.equal(body.items.length, 1);
  assert.equal(body.counts.waiting, 2);
  assert.equal(body.items[0]!.author.handle, "tom");
  assert.ok(body.nextCursor);
  const second = (await (
    await getQueue(apiRequest(`/moderation/queue?blog=carnet&cursor=${body.nextCursor}`, mod))
  ).json()) as { items: { id: string }[] };
  assert.equal(second.items.length, 1);
  assert.notEqual(second.items[0]!.id, body.items[0]!.id);

  const decide = async (t: string | null, payload: unknown) =>
    postDecisions(apiRequest("/moderation/decisions", t, "POST", payload));
  for (const t of [null, reader, author, owner2]) {
    const refused = await decide(t, { ids: [a.id], decision: "approve" });
    assert.equal(refused.status, t ? 403 : 401);
  }
  assert.equal((await decide(mod, { ids: [], decision: "approve" })).status, 400);
  assert.equal((await decide(mod, { ids: [a.id], decision: "burn" })).status, 400);

  // One of the two is already published: approving both is a conflict and changes nothing.
  const conflict = await decide(mod, { ids: [a.id, published.id], decision: "approve" });
  assert.equal(conflict.status, 409);
  assert.equal((await db.comment.findUniqueOrThrow({ where: { id: a.id } })).status, "pending");
  assert.equal(await db.auditEntry.count(), 0);

  const ok = await decide(mod, { ids: [a.id, b.id], decision: "reject", reason: "hors sujet" });
  assert.equal(ok.status, 200);
  assert.deepEqual(await ok.json(), { ids: [a.id, b.id], status: "removed" });
  const rows = await db.comment.findMany({
    where: { id: { in: [a.id, b.id] } },
    select: { status: true, moderationReason: true },
  });
  assert.deepEqual(rows, [
    { status: "removed", moderationReason: "hors sujet" },
    { status: "removed", moderationReason: "hors sujet" },
  ]);
  assert.equal(await db.auditEntry.count({ where: { action: "comment.remove" } }), 2);
  // Undo: restore both.
  assert.equal((await decide(mod, { ids: [a.id, b.id], decision: "restore" })).status, 200);
});
