import assert from "node:assert/strict";
import { after, beforeEach, test } from "node:test";
import { PATCH as patchComment } from "@/app/api/v1/comments/[id]/route";
import { POST as moderateComment } from "@/app/api/v1/comments/[id]/moderation/route";
import { POST as reportCommentApi } from "@/app/api/v1/comments/[id]/report/route";
import { POST as postComment, GET as getThread } from "@/app/api/v1/posts/[id]/comments/route";
import { DELETE as unlockApi, POST as lockApi } from "@/app/api/v1/posts/[id]/lock/route";
import { DELETE as unpinApi, PUT as pinApi } from "@/app/api/v1/posts/[id]/pin/route";
import { PUT as slowModeApi } from "@/app/api/v1/posts/[id]/slow-mode/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { createApiToken, type Actor } from "@/lib/auth";
import { getComment, listThread } from "@/lib/comments";
import { db, disconnectDb } from "@/lib/db";
import { reportComment } from "@/lib/moderation";
import { listNotifications } from "@/lib/notifications";
import { createBlog, createComment, createPost, createUser } from "../factories";
import { resetDb } from "../setup/db";

// Thread tools and reports (issue 11, items 3, 4 and 8), through the API as each kind of person:
// the blog's owner and moderator and an instance admin succeed; the article's author (a blog
// author, not staff), a reader, a person banned from the blog and a guest are refused.

type Person = { name: string; actor: Actor; token: string | null };
const STAFF = ["admin", "owner", "moderator"];

async function cast() {
  const [admin, owner, author, moderator, reader, banned, other] = await Promise.all([
    createUser({ handle: "anne", role: "admin", name: "Anne Admin" }),
    createUser({ handle: "josee", name: "Josée Owner" }),
    createUser({ handle: "sylvain", name: "Sylvain Author" }),
    createUser({ handle: "noemie", name: "Noémie Mod" }),
    createUser({ handle: "tom", name: "Tom Reader" }),
    createUser({ handle: "bruno", name: "Bruno Banned" }),
    createUser({ handle: "zoe", name: "Zoé Other" }),
  ]);
  const blog = await createBlog({ slug: "carnet", ownerId: owner.id });
  await db.membership.createMany({
    data: [
      { blogId: blog.id, userId: author.id, role: "author" },
      { blogId: blog.id, userId: moderator.id, role: "moderator" },
    ],
  });
  await db.sanction.create({ data: { userId: banned.id, blogId: blog.id, kind: "ban", reason: "Spam" } });
  const people: Person[] = [];
  for (const [name, user] of Object.entries({ admin, owner, author, moderator, reader, banned }))
    people.push({ name, actor: { id: user.id, role: user.role }, token: (await createApiToken(user.id, "t")).token });
  people.push({ name: "guest", actor: null, token: null });
  const post = await createPost({ blogId: blog.id, authorId: author.id });
  return { blog, post, admin, owner, author, moderator, reader, banned, other, people };
}
type World = Awaited<ReturnType<typeof cast>>;

const BASE = "http://localhost:3999/api/v1";
function call(url: string, token: string | null, method: string, body?: unknown): Request {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${BASE}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const tokenOf = (world: World, name: string) => world.people.find((p) => p.name === name)!.token;

/** Runs the act for every person (fresh targets each time) and checks who succeeded. */
async function who(world: World, act: (person: Person) => Promise<Response>, allowed: string[]) {
  const statuses: Record<string, string> = {};
  for (const person of world.people) {
    const res = await act(person);
    assert.ok(res.status < 500, `${person.name}: ${res.status} ${await res.clone().text()}`);
    statuses[person.name] = res.status < 300 ? "allowed" : "refused";
    if (res.status >= 400) {
      const body = (await res.json()) as { error: string; message: string };
      assert.ok(body.error && body.message, `${person.name}: a code and a message`);
    }
  }
  const expected = Object.fromEntries(
    world.people.map((p) => [p.name, allowed.includes(p.name) ? "allowed" : "refused"]),
  );
  assert.deepEqual(statuses, expected);
}

beforeEach(resetDb);
after(disconnectDb);

test("thread tools by API: lock, unlock, pin, unpin, slow mode — staff only, each with its audit entry", async () => {
  const world = await cast();
  const fresh = () => createPost({ blogId: world.blog.id, authorId: world.author.id });
  await who(
    world,
    async (p) => lockApi(call(`/posts/${(await fresh()).id}/lock`, p.token, "POST"), ctx((await fresh()).id)),
    STAFF,
  );
  await who(
    world,
    async (p) => {
      const post = await fresh();
      await db.post.update({ where: { id: post.id }, data: { lockedAt: new Date() } });
      return unlockApi(call(`/posts/${post.id}/lock`, p.token, "DELETE"), ctx(post.id));
    },
    STAFF,
  );
  await who(
    world,
    async (p) => {
      const post = await fresh();
      const comment = await createComment({ postId: post.id, authorId: world.other.id });
      return pinApi(call(`/posts/${post.id}/pin`, p.token, "PUT", { commentId: comment.id }), ctx(post.id));
    },
    STAFF,
  );
  await who(
    world,
    async (p) => {
      const post = await fresh();
      const comment = await createComment({ postId: post.id, authorId: world.other.id });
      await db.post.update({ where: { id: post.id }, data: { pinnedCommentId: comment.id } });
      return unpinApi(call(`/posts/${post.id}/pin`, p.token, "DELETE"), ctx(post.id));
    },
    STAFF,
  );
  await who(
    world,
    async (p) => {
      const post = await fresh();
      return slowModeApi(call(`/posts/${post.id}/slow-mode`, p.token, "PUT", { seconds: 300 }), ctx(post.id));
    },
    STAFF,
  );
  const actions = await db.auditEntry.groupBy({ by: ["action"], _count: { _all: true } });
  assert.deepEqual(Object.fromEntries(actions.map((a) => [a.action, a._count._all])), {
    "thread.lock": 3,
    "thread.unlock": 3,
    "comment.pin": 3,
    "comment.unpin": 3,
    "thread.slow_mode": 3,
  });
  const slow = await db.auditEntry.findFirstOrThrow({ where: { action: "thread.slow_mode" } });
  assert.deepEqual(JSON.parse(slow.before!), { slowModeSeconds: null });
  assert.deepEqual(JSON.parse(slow.after!), { slowModeSeconds: 300 });
});

test("a locked thread refuses new comments and replies (403, code and message), keeps the old ones; unlock reopens it", async () => {
  const world = await cast();
  const { post } = world;
  const old = await createComment({ postId: post.id, authorId: world.other.id, body: "Before the lock" });
  const res = await lockApi(
    call(`/posts/${post.id}/lock`, tokenOf(world, "moderator"), "POST", { reason: "Heated" }),
    ctx(post.id),
  );
  assert.equal(res.status, 200);
  assert.ok(((await res.json()) as { lockedAt: string | null }).lockedAt);

  const refused = await postComment(
    call(`/posts/${post.id}/comments`, tokenOf(world, "reader"), "POST", { body: "Hello" }),
    ctx(post.id),
  );
  assert.equal(refused.status, 403);
  const body = (await refused.json()) as { error: string; message: string };
  assert.equal(body.error, "FORBIDDEN");
  assert.match(body.message, /locked by moderation/);
  const reply = await postComment(
    call(`/posts/${post.id}/comments`, tokenOf(world, "owner"), "POST", { body: "Reply", parentId: old.id }),
    ctx(post.id),
  );
  assert.equal(reply.status, 403, "moderators too: nobody comments in a locked thread");

  const thread = (await (
    await getThread(call(`/posts/${post.id}/comments`, tokenOf(world, "reader"), "GET"), ctx(post.id))
  ).json()) as {
    viewer: { canComment: boolean; reason: string; locked: boolean };
    comments: { id: string }[];
  };
  assert.deepEqual([thread.viewer.canComment, thread.viewer.reason, thread.viewer.locked], [false, "locked", true]);
  assert.deepEqual(
    thread.comments.map((c) => c.id),
    [old.id],
  );

  assert.equal(
    (await unlockApi(call(`/posts/${post.id}/lock`, tokenOf(world, "moderator"), "DELETE"), ctx(post.id))).status,
    200,
  );
  const accepted = await postComment(
    call(`/posts/${post.id}/comments`, tokenOf(world, "reader"), "POST", { body: "Hello" }),
    ctx(post.id),
  );
  assert.equal(accepted.status, 201);
  // The documented CreatedComment, nothing more (the body and date are for the comment form).
  assert.deepEqual(Object.keys((await accepted.json()) as object).sort(), ["id", "parentId", "postId", "status"]);
  const lock = await db.auditEntry.findFirstOrThrow({ where: { action: "thread.lock" } });
  assert.equal(lock.reason, "Heated");
  assert.equal(lock.actorName, "Noémie Mod");
});

test("slow mode: one comment per person every N seconds, the refusal says when; moderators are exempt; the thread tells the reader", async () => {
  const world = await cast();
  const { post } = world;
  await slowModeApi(call(`/posts/${post.id}/slow-mode`, tokenOf(world, "owner"), "PUT", { seconds: 60 }), ctx(post.id));
  const send = (name: string, text: string) =>
    postComment(call(`/posts/${post.id}/comments`, tokenOf(world, name), "POST", { body: text }), ctx(post.id));
  assert.equal((await send("reader", "First")).status, 201);
  const refused = await send("reader", "Second");
  assert.equal(refused.status, 429);
  const wait = Number(refused.headers.get("retry-after"));
  assert.ok(wait > 50 && wait <= 60, `retry-after ${wait}`);
  assert.match(((await refused.json()) as { message: string }).message, /again in \d+ seconds/);
  assert.equal((await send("moderator", "One")).status, 201);
  assert.equal((await send("moderator", "Two")).status, 201);

  const thread = await listThread(post.id, world.people.find((p) => p.name === "reader")!.actor);
  assert.equal(thread.viewer.slowModeSeconds, 60);
  assert.ok(thread.viewer.nextCommentAt && thread.viewer.nextCommentAt.getTime() > Date.now() + 50_000);
  const staff = await listThread(post.id, world.people.find((p) => p.name === "moderator")!.actor);
  assert.equal(staff.viewer.nextCommentAt, null);

  // Off again: the reader may comment at once.
  await slowModeApi(
    call(`/posts/${post.id}/slow-mode`, tokenOf(world, "owner"), "PUT", { seconds: null }),
    ctx(post.id),
  );
  assert.equal((await send("reader", "Third")).status, 201);
});

test("pin: approved top-level comments only, shown first with the flag; one per article", async () => {
  const world = await cast();
  const { post } = world;
  const first = await createComment({
    postId: post.id,
    authorId: world.other.id,
    createdAt: new Date(Date.now() - 3000),
  });
  const second = await createComment({
    postId: post.id,
    authorId: world.reader.id,
    createdAt: new Date(Date.now() - 2000),
  });
  const reply = await createComment({ postId: post.id, authorId: world.reader.id, parentId: first.id });
  const token = tokenOf(world, "moderator");
  assert.equal(
    (await pinApi(call(`/posts/${post.id}/pin`, token, "PUT", { commentId: reply.id }), ctx(post.id))).status,
    400,
  );
  assert.equal(
    (await pinApi(call(`/posts/${post.id}/pin`, token, "PUT", { commentId: second.id }), ctx(post.id))).status,
    200,
  );
  let thread = await listThread(post.id, null);
  assert.deepEqual(
    thread.tree.map((n) => [n.id, n.isPinned]),
    [
      [second.id, true],
      [first.id, false],
    ],
  );
  await pinApi(call(`/posts/${post.id}/pin`, token, "PUT", { commentId: first.id }), ctx(post.id));
  thread = await listThread(post.id, null, { sort: "newest" });
  assert.deepEqual(
    thread.tree.map((n) => [n.id, n.isPinned]),
    [
      [first.id, true],
      [second.id, false],
    ],
  );
  await unpinApi(call(`/posts/${post.id}/pin`, token, "DELETE"), ctx(post.id));
  thread = await listThread(post.id, null);
  assert.ok(thread.tree.every((n) => !n.isPinned));
});

test("remove with a reason and restore by API: staff only; readers see a placeholder that keeps the replies, moderators the text and reason", async () => {
  const world = await cast();
  const { post } = world;
  await who(
    world,
    async (p) => {
      const comment = await createComment({ postId: post.id, authorId: world.other.id });
      return moderateComment(
        call(`/comments/${comment.id}/moderation`, p.token, "POST", { decision: "remove", reason: "Insults" }),
        ctx(comment.id),
      );
    },
    STAFF,
  );
  await who(
    world,
    async (p) => {
      const comment = await createComment({ postId: post.id, authorId: world.other.id, status: "removed" });
      return moderateComment(
        call(`/comments/${comment.id}/moderation`, p.token, "POST", { decision: "restore" }),
        ctx(comment.id),
      );
    },
    STAFF,
  );

  await db.comment.deleteMany();
  const parent = await createComment({ postId: post.id, authorId: world.other.id, body: "Rude words" });
  const child = await createComment({
    postId: post.id,
    authorId: world.reader.id,
    parentId: parent.id,
    body: "A reply",
  });
  await moderateComment(
    call(`/comments/${parent.id}/moderation`, tokenOf(world, "moderator"), "POST", {
      decision: "remove",
      reason: "Insults",
    }),
    ctx(parent.id),
  );
  const anonymous = await listThread(post.id, null);
  assert.equal(anonymous.tree.length, 1);
  assert.deepEqual(
    [anonymous.tree[0]!.status, anonymous.tree[0]!.bodyHtml, anonymous.tree[0]!.author],
    ["removed", "", null],
  );
  assert.equal(anonymous.tree[0]!.replies[0]!.id, child.id);
  assert.equal(anonymous.tree[0]!.moderation, null);
  const author = await getComment(parent.id, world.people.find((p) => p.name === "reader")!.actor);
  assert.equal(author.bodyHtml, "");
  const staff = await listThread(post.id, world.people.find((p) => p.name === "moderator")!.actor);
  assert.match(staff.tree[0]!.bodyHtml, /Rude words/);
  assert.equal(staff.tree[0]!.moderation?.reason, "Insults");
});

test("moderator edit with a note (PATCH /comments/{id} with note): staff only; revision kept, note shown, audit entry with hashes", async () => {
  const world = await cast();
  const { post } = world;
  await who(
    world,
    async (p) => {
      const comment = await createComment({ postId: post.id, authorId: world.other.id, body: "Call 555-1234" });
      return patchComment(
        call(`/comments/${comment.id}`, p.token, "PATCH", { body: "Call [number removed]", note: "Phone number" }),
        ctx(comment.id),
      );
    },
    STAFF,
  );
  const comment = await createComment({ postId: post.id, authorId: world.other.id, body: "Call 555-1234" });
  const res = await patchComment(
    call(`/comments/${comment.id}`, tokenOf(world, "owner"), "PATCH", {
      body: "Call [number removed]",
      note: "Phone number",
    }),
    ctx(comment.id),
  );
  const edited = (await res.json()) as { bodyHtml: string; moderatorNote: string; editedAt: string };
  assert.match(edited.bodyHtml, /number removed/);
  assert.equal(edited.moderatorNote, "Phone number");
  assert.ok(edited.editedAt);
  const revisions = await db.commentRevision.findMany({ where: { commentId: comment.id } });
  assert.deepEqual(
    revisions.map((r) => r.bodySource),
    ["Call 555-1234"],
  );
  const entry = await db.auditEntry.findFirstOrThrow({
    where: { action: "comment.moderator_edit", subjectId: comment.id },
  });
  assert.equal(entry.reason, "Phone number");
  assert.match(JSON.parse(entry.before!).sha256, /^[0-9a-f]{64}$/);
  assert.equal(JSON.parse(entry.after!).note, "Phone number");
  // Without a note, someone else's comment stays the author's own business.
  const plain = await patchComment(
    call(`/comments/${comment.id}`, tokenOf(world, "owner"), "PATCH", { body: "Changed" }),
    ctx(comment.id),
  );
  assert.equal(plain.status, 403);
  // A note is required for a moderator's edit.
  const noNote = await patchComment(
    call(`/comments/${comment.id}`, tokenOf(world, "owner"), "PATCH", { body: "x", note: " " }),
    ctx(comment.id),
  );
  assert.equal(noNote.status, 400);
});

test("reports by API: signed-in people report others' comments once; not their own, not while banned, not as guests", async () => {
  const world = await cast();
  const { post } = world;
  await db.blog.update({ where: { id: world.blog.id }, data: { reportThreshold: 100 } });
  await who(
    world,
    async (p) => {
      const comment = await createComment({ postId: post.id, authorId: world.other.id });
      return reportCommentApi(
        call(`/comments/${comment.id}/report`, p.token, "POST", { reason: "spam" }),
        ctx(comment.id),
      );
    },
    ["admin", "owner", "author", "moderator", "reader"],
  );
  const comment = await createComment({ postId: post.id, authorId: world.other.id });
  const token = tokenOf(world, "reader");
  const send = (body: unknown) =>
    reportCommentApi(call(`/comments/${comment.id}/report`, token, "POST", body), ctx(comment.id));
  assert.equal((await send({ reason: "other" })).status, 400, "other needs a note");
  assert.equal((await send({ reason: "rude" })).status, 400);
  assert.equal((await send({ reason: "other", note: "Advertising" })).status, 201);
  assert.equal((await send({ reason: "spam" })).status, 409, "once per person");
  const own = await createComment({ postId: post.id, authorId: world.reader.id });
  assert.equal(
    (await reportCommentApi(call(`/comments/${own.id}/report`, token, "POST", { reason: "spam" }), ctx(own.id))).status,
    403,
  );
  assert.equal((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).openReports, 1);
});

test("three reports hide a comment pending review (system audit entry); readers get a placeholder with the replies, moderators the reports; a moderator restores it and the reporters are told", async () => {
  const world = await cast();
  const { post } = world;
  const target = await createComment({ postId: post.id, authorId: world.other.id, body: "Buy my pills" });
  const reply = await createComment({
    postId: post.id,
    authorId: world.author.id,
    parentId: target.id,
    body: "Reported.",
  });
  const reporters = await Promise.all(
    ["r1", "r2", "r3"].map((handle) => createUser({ handle, name: `Reporter ${handle}` })),
  );
  const results = [];
  for (const [i, reporter] of reporters.entries())
    results.push(
      await reportComment({ id: reporter.id, role: "member" }, target.id, { reason: i === 0 ? "harassment" : "spam" }),
    );
  assert.deepEqual(
    results.map((r) => r.hidden),
    [false, false, true],
  );
  const row = await db.comment.findUniqueOrThrow({ where: { id: target.id } });
  assert.deepEqual([row.status, row.openReports], ["hidden", 3]);
  const hide = await db.auditEntry.findFirstOrThrow({ where: { action: "comment.hide" } });
  assert.deepEqual([hide.actorId, hide.reason, hide.subjectId], [null, "reports", target.id]);

  // A fourth reader and a guest: a placeholder that keeps its reply; nobody's name, no report.
  for (const viewer of [null, { id: world.reader.id, role: "member" }]) {
    const res = await getThread(
      call(`/posts/${post.id}/comments`, viewer ? tokenOf(world, "reader") : null, "GET"),
      ctx(post.id),
    );
    const text = await res.text();
    assert.ok(!text.includes("Reporter") && !text.includes("pills"), "no reporter name, no hidden text");
    const thread = await listThread(post.id, viewer);
    assert.deepEqual([thread.tree[0]!.status, thread.tree[0]!.bodyHtml], ["hidden", ""]);
    assert.equal(thread.tree[0]!.replies[0]!.id, reply.id);
  }
  // Its author does not learn who reported either.
  const authorView = await getThread(call(`/posts/${post.id}/comments`, null, "GET"), ctx(post.id));
  assert.ok(!(await authorView.text()).includes("Reporter"));
  // Moderators see the text, the count, the reasons and the reporters.
  const staff = await listThread(post.id, world.people.find((p) => p.name === "moderator")!.actor);
  const facts = staff.tree[0]!.moderation!;
  assert.match(staff.tree[0]!.bodyHtml, /pills/);
  assert.deepEqual(facts.reports.count, 3);
  assert.deepEqual(facts.reports.reasons, { harassment: 1, spam: 2 });
  assert.deepEqual(facts.reports.reporters.sort(), ["Reporter r1", "Reporter r2", "Reporter r3"]);

  // Another report after it is hidden counts, but only a moderator takes it out of "hidden".
  await reportComment({ id: world.reader.id, role: "member" }, target.id, { reason: "spam" });
  assert.equal((await db.comment.findUniqueOrThrow({ where: { id: target.id } })).status, "hidden");
  const refused = await moderateComment(
    call(`/comments/${target.id}/moderation`, tokenOf(world, "author"), "POST", { decision: "restore" }),
    ctx(target.id),
  );
  assert.equal(refused.status, 403);
  const restored = await moderateComment(
    call(`/comments/${target.id}/moderation`, tokenOf(world, "moderator"), "POST", { decision: "restore" }),
    ctx(target.id),
  );
  assert.equal(restored.status, 200);
  assert.equal(((await restored.json()) as { status: string }).status, "approved");

  for (const reporter of reporters) {
    const { items } = await listNotifications({ id: reporter.id });
    assert.deepEqual(
      items.map((n) => [n.kind, n.outcome, n.actor]),
      [["report_outcome", "dismissed", null]],
    );
  }
  const told = await listNotifications({ id: world.other.id });
  assert.ok(
    told.items.every((n) => n.kind !== "report_outcome"),
    "the author is not told of reports",
  );
});

test("the OpenAPI document lists the thread tools and reports", async () => {
  const doc = (await (await openapi()).json()) as { paths: Record<string, Record<string, unknown>> };
  for (const [path, method] of [
    ["/posts/{id}/lock", "post"],
    ["/posts/{id}/lock", "delete"],
    ["/posts/{id}/pin", "put"],
    ["/posts/{id}/pin", "delete"],
    ["/posts/{id}/slow-mode", "put"],
    ["/comments/{id}/report", "post"],
    ["/comments/{id}/moderation", "post"],
    ["/comments/{id}", "patch"],
  ] as const)
    assert.ok(doc.paths[path]?.[method], `${method.toUpperCase()} ${path}`);
});
