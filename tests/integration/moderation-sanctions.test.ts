import assert from "node:assert/strict";
import { after, beforeEach, test } from "node:test";
import { POST as postApiComment } from "@/app/api/v1/posts/[id]/comments/route";
import { POST as likeApiComment } from "@/app/api/v1/comments/[id]/like/route";
import { GET as getApiLog } from "@/app/api/v1/moderation/log/route";
import { DELETE as liftApiSanction } from "@/app/api/v1/sanctions/[id]/route";
import { POST as postApiSanction } from "@/app/api/v1/sanctions/route";
import { GET as getApiUserSanctions } from "@/app/api/v1/users/[handle]/sanctions/route";
import { activeSanction, canSanction, commentAccess, createApiToken, getBlogRole, type Viewer } from "@/lib/auth";
import { sanctionsInForce, toSanctions } from "@/lib/auth/sanctions";
import { viewerQuery } from "@/lib/auth/session";
import { createComment, decideComments, toggleLike } from "@/lib/comments";
import { captureQueries, db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  exportAuditCsv,
  getPersonRecord,
  liftSanction,
  listAudit,
  listVisibleSanctions,
  sanctionPerson,
  type SanctionNotice,
} from "@/lib/moderation";
import { buildOpenApiDocument } from "@/lib/openapi";
import { deleteAccount } from "@/lib/users";
import { createBlog, createComment as createCommentRow, createPost, createUser } from "../factories";
import { resetDb } from "../setup/db";

// Sanctions (issue 11, item 6) and the audit log's read side (item 7), by service and by
// /api/v1 (item 8), on the real database: who may sanction whom, what a sanction bars, that a
// suspension ends by itself (an injected clock), and that the log is append-only and outlives
// the blogs and accounts it names.

beforeEach(resetDb);
after(disconnectDb);

const HOUR = 3_600_000;
const BASE = "http://localhost:3999/api/v1";

/** viewerAt: a person as the app loads them (lib/auth viewerQuery), with the sanctions in force at `now`. */
async function viewerAt(userId: string, now: Date = new Date()): Promise<Viewer> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: viewerQuery(now) });
  const { sessionVersion: _sv, deletedAt: _deleted, sanctions, ...rest } = user;
  return { ...rest, sanctions: toSanctions(sanctions) };
}

async function cast() {
  const [admin, owner, author, moderator, reader, other] = await Promise.all([
    createUser({ handle: "anne", name: "Anne Admin", role: "admin" }),
    createUser({ handle: "josee", name: "Josée Owner" }),
    createUser({ handle: "sylvain", name: "Sylvain Author" }),
    createUser({ handle: "noemie", name: "Noémie Moderator" }),
    createUser({ handle: "tom", name: "Tom Reader" }),
    createUser({ handle: "zoe", name: "Zoé Reader" }),
  ]);
  const blog = await createBlog({ slug: "carnet", name: "Le Carnet", ownerId: owner.id });
  await db.membership.createMany({
    data: [
      { blogId: blog.id, userId: author.id, role: "author" },
      { blogId: blog.id, userId: moderator.id, role: "moderator" },
    ],
  });
  const post = await createPost({ blogId: blog.id, authorId: author.id });
  const token = async (userId: string) => (await createApiToken(userId, "t")).token;
  return { admin, owner, author, moderator, reader, other, blog, post, token };
}

function apiRequest(url: string, token: string | null, method = "GET", body?: unknown): Request {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
const ctx = <T extends object>(params: T) => ({ params: Promise.resolve(params) });

async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AppError) return `${error.code} ${error.message}`;
    throw error;
  }
  return "allowed";
}

test("sanctions: a moderator bans a reader from the blog: recorded, audited, notified, and the reader is barred there only", async () => {
  const w = await cast();
  const moderator = await viewerAt(w.moderator.id);
  const ban = await sanctionPerson(moderator, {
    userId: w.reader.id,
    blogId: w.blog.id,
    kind: "ban",
    reason: "Insults, again",
  });
  assert.equal(ban.endsAt, null);

  const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "sanction.ban" } });
  assert.equal(entry.actorName, "Noémie Moderator");
  assert.equal(entry.blogName, "Le Carnet");
  assert.equal(entry.subjectType, "user");
  assert.equal(entry.subjectId, w.reader.id);
  assert.equal(entry.subjectName, "Tom Reader");
  assert.equal(entry.reason, "Insults, again");
  assert.deepEqual(JSON.parse(entry.before!), { inForce: "none" });
  assert.deepEqual(JSON.parse(entry.after!), { sanction: ban.id, kind: "ban", scope: "Le Carnet" });

  const notice = await db.notification.findFirstOrThrow({ where: { userId: w.reader.id, kind: "sanction" } });
  assert.deepEqual(JSON.parse(notice.detail!) as SanctionNotice, {
    kind: "ban",
    reason: "Insults, again",
    endsAt: null,
    blog: "Le Carnet",
    blogSlug: "carnet",
  });

  // The reader, as the next request loads them: refused on this blog, with the reason to show.
  const reader = await viewerAt(w.reader.id);
  const access = commentAccess({
    policy: "open",
    allowGuests: false,
    viewer: reader,
    viewerRole: null,
    blogId: w.blog.id,
  });
  assert.equal(access.canComment, false);
  assert.equal(!access.canComment && access.sanction?.reason, "Insults, again");
  assert.equal(
    await refusal(createComment(reader, { postId: w.post.id, body: "Hello" })),
    "FORBIDDEN errors.sanctioned",
  );
  const comment = await createCommentRow({ postId: w.post.id, authorId: w.other.id });
  assert.equal(await refusal(toggleLike(reader, comment.id)), "FORBIDDEN errors.sanctioned");

  // Elsewhere they take part as before.
  const elsewhere = await createBlog({ slug: "ailleurs", ownerId: w.owner.id });
  const otherPost = await createPost({ blogId: elsewhere.id, authorId: w.owner.id });
  assert.equal(await refusal(createComment(reader, { postId: otherPost.id, body: "Hello" })), "allowed");

  // A second ban where one is in force is a conflict.
  assert.equal(
    await refusal(sanctionPerson(moderator, { userId: w.reader.id, blogId: w.blog.id, kind: "ban", reason: "x" })),
    "CONFLICT errors.alreadyBanned",
  );
});

test("sanctions: who may sanction whom follows canSanction with the target's role on the blog", async () => {
  const w = await cast();
  const people = {
    admin: await viewerAt(w.admin.id),
    owner: await viewerAt(w.owner.id),
    author: await viewerAt(w.author.id),
    moderator: await viewerAt(w.moderator.id),
    reader: await viewerAt(w.reader.id),
  };
  const targets = { owner: w.owner, author: w.author, moderator: w.moderator, reader: w.other, admin: w.admin };
  const actual: Record<string, string> = {};
  const expected: Record<string, string> = {};
  for (const [actorName, actor] of Object.entries(people))
    for (const [targetName, target] of Object.entries(targets))
      for (const scope of ["blog", "instance"] as const) {
        const key = `${actorName} warns ${targetName} (${scope})`;
        const allowed = canSanction(
          actor,
          await getBlogRole(actor.id, w.blog.id),
          {
            id: target.id,
            role: target.role,
            blogRole: scope === "blog" ? await getBlogRole(target.id, w.blog.id) : null,
          },
          scope,
        );
        expected[key] = allowed ? "allowed" : "refused";
        const outcome = await refusal(
          sanctionPerson(actor, {
            userId: target.id,
            blogId: scope === "blog" ? w.blog.id : null,
            kind: "warning",
            reason: "Careful",
          }),
        );
        actual[key] = outcome === "allowed" ? "allowed" : outcome.startsWith("FORBIDDEN") ? "refused" : outcome;
      }
  assert.deepEqual(actual, expected);
  // The cases the issue names, spelled out.
  assert.equal(expected["moderator warns reader (blog)"], "allowed");
  assert.equal(expected["moderator warns owner (blog)"], "refused");
  assert.equal(expected["moderator warns reader (instance)"], "refused");
  assert.equal(expected["author warns reader (blog)"], "refused");
  assert.equal(expected["admin warns reader (instance)"], "allowed");
  assert.equal(expected["owner warns admin (blog)"], "refused");
});

test("sanctions API: POST, DELETE and GET act as the token's owner and are refused as the policy says", async () => {
  const w = await cast();
  const [modToken, authorToken, readerToken, adminToken] = await Promise.all([
    w.token(w.moderator.id),
    w.token(w.author.id),
    w.token(w.reader.id),
    w.token(w.admin.id),
  ]);
  const post = (token: string | null, body: unknown) =>
    postApiSanction(apiRequest(`${BASE}/sanctions`, token, "POST", body));

  // A moderator cannot ban an owner, nor anyone instance-wide; an author cannot sanction.
  let res = await post(modToken, { handle: "josee", blog: "carnet", kind: "ban", reason: "No" });
  assert.equal(res.status, 403);
  assert.match(((await res.json()) as { message: string }).message, /may not sanction this person/);
  res = await post(modToken, { handle: "tom", blog: null, kind: "ban", reason: "No" });
  assert.equal(res.status, 403);
  assert.match(((await res.json()) as { message: string }).message, /Only instance admins/);
  res = await post(authorToken, { handle: "tom", blog: "carnet", kind: "warning", reason: "No" });
  assert.equal(res.status, 403);
  res = await post(null, { handle: "tom", blog: "carnet", kind: "warning", reason: "No" });
  assert.equal(res.status, 401);
  // Bad input: no reason, a suspension without duration, or one of ten years.
  res = await post(modToken, { handle: "tom", blog: "carnet", kind: "ban", reason: "  " });
  assert.equal(res.status, 400);
  res = await post(modToken, { handle: "tom", blog: "carnet", kind: "suspension", reason: "Flood" });
  assert.equal(res.status, 400);
  res = await post(modToken, { handle: "tom", blog: "carnet", kind: "suspension", reason: "Flood", duration: "520w" });
  assert.equal(res.status, 400);
  assert.equal(await db.sanction.count(), 0);

  // A moderator suspends a reader for three days.
  res = await post(modToken, { handle: "tom", blog: "carnet", kind: "suspension", reason: "Flood", duration: "3d" });
  assert.equal(res.status, 201);
  const created = (await res.json()) as { id: string; kind: string; endsAt: string };
  assert.equal(created.kind, "suspension");
  const length = Date.parse(created.endsAt) - Date.now();
  assert.ok(length > 72 * HOUR - 60_000 && length <= 72 * HOUR, `ends in three days (${length})`);

  // The suspended reader is refused by the API with a clear message: comment and like.
  res = await postApiComment(
    apiRequest(`${BASE}/posts/${w.post.id}/comments`, readerToken, "POST", { body: "Still here" }),
    ctx({ id: w.post.id }),
  );
  assert.equal(res.status, 403);
  assert.match(((await res.json()) as { message: string }).message, /suspension or ban/);
  const liked = await createCommentRow({ postId: w.post.id, authorId: w.other.id });
  res = await likeApiComment(
    apiRequest(`${BASE}/comments/${liked.id}/like`, readerToken, "POST"),
    ctx({ id: liked.id }),
  );
  assert.equal(res.status, 403);

  // Staff see the person's sanctions; the reader and the author do not.
  res = await getApiUserSanctions(apiRequest(`${BASE}/users/tom/sanctions`, modToken), ctx({ handle: "tom" }));
  assert.equal(res.status, 200);
  const listed = (await res.json()) as { sanctions: { id: string; inForce: boolean; reason: string }[] };
  assert.deepEqual(
    listed.sanctions.map((s) => [s.id, s.inForce, s.reason]),
    [[created.id, true, "Flood"]],
  );
  for (const token of [readerToken, authorToken]) {
    res = await getApiUserSanctions(apiRequest(`${BASE}/users/tom/sanctions`, token), ctx({ handle: "tom" }));
    assert.equal(res.status, 403);
  }

  // Lifting needs a reason and the same right; then the reader comments again.
  const lift = (token: string, body: unknown) =>
    liftApiSanction(apiRequest(`${BASE}/sanctions/${created.id}`, token, "DELETE", body), ctx({ id: created.id }));
  assert.equal((await lift(authorToken, { reason: "Please" })).status, 403);
  assert.equal((await lift(modToken, {})).status, 400);
  assert.equal((await lift(modToken, { reason: "Apologised" })).status, 200);
  assert.equal((await lift(modToken, { reason: "Again" })).status, 409);
  res = await postApiComment(
    apiRequest(`${BASE}/posts/${w.post.id}/comments`, readerToken, "POST", { body: "Sorry" }),
    ctx({ id: w.post.id }),
  );
  assert.equal(res.status, 201);
  const notices = await db.notification.findMany({
    where: { userId: w.reader.id, kind: "sanction" },
    orderBy: { createdAt: "asc" },
  });
  assert.deepEqual(
    notices.map((n) => (JSON.parse(n.detail!) as SanctionNotice).kind),
    ["suspension", "lift"],
  );

  // An admin bans instance-wide by id.
  res = await post(adminToken, { userId: w.other.id, blog: null, kind: "ban", reason: "Spam everywhere" });
  assert.equal(res.status, 201);
  assert.equal((await db.sanction.findFirstOrThrow({ where: { userId: w.other.id } })).blogId, null);
});

test("sanctions: a suspension ends by itself (injected clock), and mentions of a sanctioned author notify nobody", async () => {
  const w = await cast();
  const moderator = await viewerAt(w.moderator.id);
  const start = new Date(Date.now() - 30 * HOUR);
  // Suspended for a day, a day and six hours ago: over now.
  const suspension = await sanctionPerson(
    moderator,
    { userId: w.reader.id, blogId: w.blog.id, kind: "suspension", reason: "Cool down", duration: "1d" },
    start,
  );
  assert.equal(suspension.endsAt!.getTime(), start.getTime() + 24 * HOUR);
  const during = new Date(start.getTime() + HOUR);
  const duringViewer = await viewerAt(w.reader.id, during);
  assert.equal(duringViewer.sanctions.length, 1);
  assert.equal(activeSanction(duringViewer, w.blog.id, during)?.kind, "suspended");
  assert.equal(activeSanction(duringViewer, w.blog.id, new Date(start.getTime() + 24 * HOUR)), null);
  const inForceLater = await db.sanction.findMany({
    where: { userId: w.reader.id, ...sanctionsInForce(new Date(start.getTime() + 25 * HOUR)).where },
  });
  assert.equal(inForceLater.length, 0);
  // Lifting an ended suspension is a conflict; taking part is allowed again, without any job.
  assert.equal(
    await refusal(liftSanction(moderator, { sanctionId: suspension.id, reason: "x" })),
    "CONFLICT errors.sanctionNotInForce",
  );
  const now = await viewerAt(w.reader.id);
  assert.equal(now.sanctions.length, 0);
  assert.equal(await refusal(createComment(now, { postId: w.post.id, body: "Back" })), "allowed");

  // A held comment mentioning someone, by a person suspended before it is approved: approved,
  // but the person mentioned hears nothing.
  const held = await createCommentRow({
    postId: w.post.id,
    authorId: w.other.id,
    status: "pending",
    body: "Hey @tom",
  });
  await db.mention.create({ data: { userId: w.reader.id, commentId: held.id } });
  await sanctionPerson(moderator, {
    userId: w.other.id,
    blogId: w.blog.id,
    kind: "suspension",
    reason: "Flood",
    duration: "1w",
  });
  await decideComments(moderator, { ids: [held.id], decision: "approve" });
  assert.equal(await db.notification.count({ where: { userId: w.reader.id, kind: "mention" } }), 0);
  // The same comment by someone in good standing does tell them.
  const fine = await createCommentRow({ postId: w.post.id, authorId: w.author.id, status: "pending", body: "@tom" });
  await db.mention.create({ data: { userId: w.reader.id, commentId: fine.id } });
  await decideComments(moderator, { ids: [fine.id], decision: "approve" });
  assert.equal(await db.notification.count({ where: { userId: w.reader.id, kind: "mention" } }), 1);
});

test("people page data: the record, sanctions and audit entries for staff only, in a fixed number of queries", async () => {
  const w = await cast();
  const moderator = await viewerAt(w.moderator.id);
  const blog = { id: w.blog.id, slug: "carnet", name: "Le Carnet" };
  await createCommentRow({ postId: w.post.id, authorId: w.reader.id });
  const removed = await createCommentRow({ postId: w.post.id, authorId: w.reader.id });
  await decideComments(moderator, { ids: [removed.id], decision: "remove", reason: "Rude" });
  await sanctionPerson(moderator, { userId: w.reader.id, blogId: w.blog.id, kind: "warning", reason: "Be nice" });

  const record = await getPersonRecord(moderator, blog, "TOM");
  assert.equal(record.person.handle, "tom");
  assert.equal(record.counts.approved, 1);
  assert.equal(record.counts.removed, 1);
  assert.deepEqual(
    record.sanctions.map((s) => [s.kind, s.inForce]),
    [["warning", false]],
  );
  assert.deepEqual(
    record.audit.map((e) => e.action),
    ["sanction.warn", "comment.remove"],
  );
  assert.deepEqual(record.can, { sanction: true, sanctionInstance: false });
  const asOwner = await getPersonRecord(await viewerAt(w.owner.id), blog, "noemie");
  assert.deepEqual(asOwner.can, { sanction: true, sanctionInstance: false });
  const asModOnOwner = await getPersonRecord(moderator, blog, "josee");
  assert.deepEqual(asModOnOwner.can, { sanction: false, sanctionInstance: false });
  for (const outsider of [w.author, w.reader])
    assert.equal(
      await refusal(getPersonRecord(await viewerAt(outsider.id), blog, "zoe")),
      "FORBIDDEN errors.forbidden",
    );

  const count = async () => (await captureQueries(() => getPersonRecord(moderator, blog, "tom"))).queries.length;
  const few = await count();
  for (let i = 0; i < 15; i++) await createCommentRow({ postId: w.post.id, authorId: w.reader.id });
  await sanctionPerson(moderator, { userId: w.reader.id, blogId: w.blog.id, kind: "warning", reason: "Again" });
  assert.equal(await count(), few);

  // The staff list by handle: a moderator sees this blog's and instance-wide ones.
  const visible = await listVisibleSanctions(moderator, "tom");
  assert.equal(visible.sanctions.length, 2);
});

test("audit log: filters, keyset pages of 50, authorization, and a CSV export safe from formula injection", async () => {
  const w = await cast();
  const moderator = await viewerAt(w.moderator.id);
  const admin = await viewerAt(w.admin.id);
  for (let i = 0; i < 60; i++)
    await sanctionPerson(moderator, {
      userId: w.reader.id,
      blogId: w.blog.id,
      kind: "warning",
      reason: i === 59 ? '=HYPERLINK("http://evil.test","click")' : `Warning ${i}`,
    });
  await sanctionPerson(moderator, { userId: w.other.id, blogId: w.blog.id, kind: "ban", reason: "@everyone spam" });
  const other = await createBlog({ slug: "ailleurs", name: "Ailleurs", ownerId: w.owner.id });
  await sanctionPerson(await viewerAt(w.owner.id), {
    userId: w.reader.id,
    blogId: other.id,
    kind: "warning",
    reason: "Elsewhere",
  });

  // The page's cost does not grow with its entries (one page of 50 vs a page of 2).
  const cost = async (filters: { action?: string }) =>
    (await captureQueries(() => listAudit(moderator, { blogId: w.blog.id }, filters))).queries.length;
  assert.equal(await cost({}), await cost({ action: "sanction.ban" }));

  const first = await listAudit(moderator, { blogId: w.blog.id });
  assert.equal(first.entries.length, 50);
  assert.ok(first.nextCursor);
  assert.deepEqual(first.actions, ["sanction.ban", "sanction.warn"]);
  assert.equal(first.entries[0]!.action, "sanction.ban");
  const second = await listAudit(moderator, { blogId: w.blog.id }, { cursor: first.nextCursor! });
  assert.equal(second.entries.length, 11);
  assert.equal(second.nextCursor, null);
  const ids = new Set([...first.entries, ...second.entries].map((e) => e.id));
  assert.equal(ids.size, 61, "no entry twice, none missed");
  assert.ok([...first.entries, ...second.entries].every((e) => e.blogId === w.blog.id));

  assert.equal((await listAudit(moderator, { blogId: w.blog.id }, { action: "sanction.ban" })).entries.length, 1);
  assert.equal((await listAudit(moderator, { blogId: w.blog.id }, { action: "sanction" })).entries.length, 50);
  assert.equal((await listAudit(moderator, { blogId: w.blog.id }, { action: "comment" })).entries.length, 0);
  assert.equal((await listAudit(moderator, { blogId: w.blog.id }, { subject: "@zoe" })).entries.length, 1);
  assert.equal((await listAudit(moderator, { blogId: w.blog.id }, { subject: "Zoé Reader" })).entries.length, 1);
  assert.equal((await listAudit(moderator, { blogId: w.blog.id }, { actor: "josee" })).entries.length, 0);
  const today = new Date().toISOString().slice(0, 10);
  assert.equal((await listAudit(moderator, { blogId: w.blog.id }, { from: today, to: today })).entries.length, 50);
  assert.equal((await listAudit(moderator, { blogId: w.blog.id }, { to: "2020-01-01" })).entries.length, 0);
  await assert.rejects(listAudit(moderator, { blogId: w.blog.id }, { from: "yesterday" }));

  // Who may read which log.
  for (const who of [w.author, w.reader])
    assert.equal(await refusal(listAudit(await viewerAt(who.id), { blogId: w.blog.id })), "FORBIDDEN errors.forbidden");
  assert.equal(await refusal(listAudit(moderator, { blogId: null })), "FORBIDDEN errors.forbidden");
  assert.equal(await refusal(listAudit(null, { blogId: w.blog.id })), "UNAUTHENTICATED errors.signInRequired");
  const instance = await listAudit(admin, { blogId: null }, { blog: "ailleurs" });
  assert.deepEqual(
    instance.entries.map((e) => e.reason),
    ["Elsewhere"],
  );

  // CSV: every row, cells that would be formulas are defused.
  let csv = "";
  for await (const chunk of await exportAuditCsv(moderator, { blogId: w.blog.id })) csv += chunk;
  const lines = csv.trimEnd().split("\r\n");
  assert.equal(lines.length, 62);
  assert.match(lines[0]!, /^created_at,actor,actor_id,blog,blog_id,action,/);
  assert.ok(csv.includes(`"'=HYPERLINK(""http://evil.test"",""click"")"`), "formula prefixed and quoted");
  assert.ok(csv.includes(",'@everyone spam,"));
  assert.ok(!/(^|,)[=+@]/m.test(csv.replace(/"[^"]*"/g, "")), "no bare cell starts a formula");
  await assert.rejects(exportAuditCsv(w.reader.id ? await viewerAt(w.reader.id) : null, { blogId: w.blog.id }));

  // The same through the API, as JSON and CSV.
  const modToken = await w.token(w.moderator.id);
  let res = await getApiLog(apiRequest(`${BASE}/moderation/log?blog=carnet&action=sanction.ban`, modToken));
  assert.equal(res.status, 200);
  const page = (await res.json()) as { entries: { action: string; subjectName: string }[]; nextCursor: null };
  assert.deepEqual(
    page.entries.map((e) => [e.action, e.subjectName]),
    [["sanction.ban", "Zoé Reader"]],
  );
  res = await getApiLog(apiRequest(`${BASE}/moderation/log?blog=carnet&format=csv`, modToken));
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type")!, /^text\/csv/);
  assert.equal((await res.text()).trimEnd().split("\r\n").length, 62);
  res = await getApiLog(apiRequest(`${BASE}/moderation/log`, modToken));
  assert.equal(res.status, 403);
  res = await getApiLog(apiRequest(`${BASE}/moderation/log?blog=carnet`, await w.token(w.author.id)));
  assert.equal(res.status, 403);
  res = await getApiLog(apiRequest(`${BASE}/moderation/log?format=csv`, await w.token(w.admin.id)));
  assert.equal((await res.text()).trimEnd().split("\r\n").length, 63);
});

test("audit log: the database refuses UPDATE and DELETE; deleting a blog or an account keeps the entries and their names", async () => {
  const w = await cast();
  const owner = await viewerAt(w.owner.id);
  await sanctionPerson(owner, { userId: w.reader.id, blogId: w.blog.id, kind: "ban", reason: "Spam" });
  const entry = await db.auditEntry.findFirstOrThrow();
  const appendOnly = /AuditEntry is append-only/;
  await assert.rejects(db.$executeRawUnsafe(`UPDATE "AuditEntry" SET "reason" = 'rewritten'`), appendOnly);
  await assert.rejects(db.$executeRawUnsafe(`DELETE FROM "AuditEntry"`), appendOnly);
  await assert.rejects(db.auditEntry.update({ where: { id: entry.id }, data: { reason: "rewritten" } }), appendOnly);
  // (Prisma words SQLite's refusal of this one as a foreign-key error; refused all the same.)
  await assert.rejects(db.auditEntry.delete({ where: { id: entry.id } }));
  assert.equal((await db.auditEntry.findUniqueOrThrow({ where: { id: entry.id } })).reason, "Spam");

  // The sanctioned account goes (their sanctions with it), then the blog.
  await deleteAccount(await viewerAt(w.reader.id), w.reader.id);
  await db.blog.delete({ where: { id: w.blog.id } });
  const kept = await db.auditEntry.findUniqueOrThrow({ where: { id: entry.id } });
  assert.deepEqual(
    [kept.actorName, kept.blogName, kept.subjectName, kept.blogId, kept.subjectId],
    ["Josée Owner", "Le Carnet", "Tom Reader", w.blog.id, w.reader.id],
  );
  // The acting account goes too: the name stays.
  await db.post.deleteMany({ where: { authorId: w.owner.id } });
  await deleteAccount(await viewerAt(w.admin.id), w.owner.id);
  const instance = await listAudit(await viewerAt(w.admin.id), { blogId: null }, { actor: "Josée Owner" });
  assert.deepEqual(
    instance.entries.map((e) => [e.action, e.actorName, e.blogName, e.subjectName]),
    [["sanction.ban", "Josée Owner", "Le Carnet", "Tom Reader"]],
  );
});

test("OpenAPI: the sanction and log endpoints are documented", () => {
  const doc = buildOpenApiDocument() as unknown as { paths: Record<string, Record<string, unknown>> };
  assert.ok(doc.paths["/sanctions"]?.post);
  assert.ok(doc.paths["/sanctions/{id}"]?.delete);
  assert.ok(doc.paths["/users/{handle}/sanctions"]?.get);
  assert.ok(doc.paths["/moderation/log"]?.get);
});
