// A blog's discussion rules (issue 11, item 5) through the comment service, the settings
// service and the API, on the real database: every rule holds (or rejects) one comment and lets
// another through; heldBy stays with moderators; settings changes are validated and audited.
// The spam service is tests/integration/spam-check.test.ts.
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { GET as getBlogApi, PATCH as patchBlogApi } from "@/app/api/v1/blogs/[blog]/route";
import { GET as listCommentsApi } from "@/app/api/v1/posts/[id]/comments/route";
import { createApiToken } from "@/lib/auth";
import { updateBlogSettings, updateBlogRules, type UpdateBlogSettingsInput } from "@/lib/blogs";
import { createComment, listThread, flattenThread } from "@/lib/comments";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { closeLiveBus } from "@/lib/live";
import { flushNotificationMail } from "@/lib/notifications";
import { parseHeldBy } from "@/lib/moderation";
import { createBlog, createPost, createUser } from "../factories";
import { countRows, resetDb } from "../setup/db";

const info = console.info;
before(() => {
  process.env.NEXTAUTH_SECRET = "moderation-rules-test-secret-0123456789";
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
const rejects = (code: string, message?: string, field?: string) => (error: unknown) => {
  assert.ok(error instanceof AppError, String(error));
  assert.equal(error.code, code, `${error.code} ${error.message}`);
  if (message) assert.equal(error.message, message);
  if (field) assert.equal(error.details?.field, field);
  return true;
};

/** A blog (guests allowed) with its owner, a moderator, a reader, and one article by the owner. */
async function scene(rules: Parameters<typeof db.blog.update>[0]["data"] = {}) {
  const [owner, moderator, reader] = await Promise.all([
    createUser({ name: "Josée Lavoie", handle: "josee" }),
    createUser({ name: "Noémie Roy", handle: "noemie" }),
    createUser({ name: "Léa Tremblay", handle: "lea" }),
  ]);
  const created = await createBlog({ ownerId: owner.id, slug: "carnet", name: "Le carnet" });
  await db.membership.create({ data: { blogId: created.id, userId: moderator.id, role: "moderator" } });
  const blog = await db.blog.update({ where: { id: created.id }, data: { allowGuestComments: true, ...rules } });
  const post = await createPost({ blogId: blog.id, authorId: owner.id });
  return { owner, moderator, reader, blog, post };
}

const stored = (id: string) => db.comment.findUniqueOrThrow({ where: { id }, select: { status: true, heldBy: true } });

test("hold words: a comment with a listed word (any case, any accents) is held, with the rule for moderators", async () => {
  const { reader, post } = await scene({ holdWords: "cretin\nbuy now" });
  const held = await createComment(as(reader), { postId: post.id, body: "Quel Crétin, celui-là." });
  assert.equal(held.status, "pending");
  const row = await stored(held.id);
  assert.equal(row.status, "pending");
  assert.deepEqual(parseHeldBy(row.heldBy), [{ rule: "words", detail: "cretin" }]);
  const phrase = await createComment(as(reader), { postId: post.id, body: "Please BUY now!" });
  assert.deepEqual(parseHeldBy((await stored(phrase.id)).heldBy), [{ rule: "words", detail: "buy now" }]);
  const passes = await createComment(as(reader), { postId: post.id, body: "Une crétinerie, une classe à part." });
  assert.equal(passes.status, "approved");
  assert.equal((await stored(passes.id)).heldBy, null);
});

test("reject words: the comment is refused with a general reason and nothing is saved", async () => {
  const { reader, owner, post } = await scene({ rejectWords: "casino en ligne" });
  const before = await countRows();
  await assert.rejects(
    createComment(as(reader), { postId: post.id, body: "Le meilleur CASINO en lígne !" }),
    rejects("INVALID_INPUT", "errors.commentRejectedWords", "body"),
  );
  // Staff are not exempt from the reject list (it is the owners' own rule).
  await assert.rejects(
    createComment(as(owner), { postId: post.id, body: "casino en ligne" }),
    rejects("INVALID_INPUT", "errors.commentRejectedWords"),
  );
  assert.deepEqual(await countRows(), before);
  const passes = await createComment(as(reader), { postId: post.id, body: "Le casino de Montréal" });
  assert.equal(passes.status, "approved");
});

test("first comment (account): held until one of theirs is approved on this blog", async () => {
  const { reader, owner, blog, post } = await scene({ holdUntilApproved: true });
  // An approved comment on another blog does not count.
  const elsewhere = await createBlog({ ownerId: owner.id });
  const otherPost = await createPost({ blogId: elsewhere.id, authorId: owner.id });
  await db.comment.create({
    data: { postId: otherPost.id, authorId: reader.id, bodySource: "x", bodyHtml: "<p>x</p>", status: "approved" },
  });
  const first = await createComment(as(reader), { postId: post.id, body: "Bonjour !" });
  assert.equal(first.status, "pending");
  assert.deepEqual(parseHeldBy((await stored(first.id)).heldBy), [{ rule: "first_comment", detail: "" }]);
  const second = await createComment(as(reader), { postId: post.id, body: "Encore moi." });
  assert.equal(second.status, "pending", "still nothing approved here");
  await db.comment.update({ where: { id: first.id }, data: { status: "approved" } });
  const third = await createComment(as(reader), { postId: post.id, body: "Et de trois." });
  assert.equal(third.status, "approved");
  // Staff are exempt.
  const staff = await createComment(as(owner), { postId: post.id, body: "Bienvenue." });
  assert.equal(staff.status, "approved");
  assert.equal(blog.holdUntilApproved, true);
});

test("first comment (guest): known by e-mail; once one is approved, the rule no longer names them", async () => {
  const { post } = await scene({ holdUntilApproved: true });
  const guest = { postId: post.id, guestName: "Visiteur", guestEmail: "v@example.test" };
  const first = await createComment(null, { ...guest, body: "Premier passage." });
  assert.equal(first.status, "pending");
  assert.deepEqual(parseHeldBy((await stored(first.id)).heldBy), [{ rule: "first_comment", detail: "" }]);
  await db.comment.update({ where: { id: first.id }, data: { status: "approved" } });
  // Guests' comments are always held; the same address (any case) is no longer a first comment.
  const again = await createComment(null, { ...guest, guestEmail: "V@Example.test", body: "Me revoici." });
  assert.equal(again.status, "pending");
  assert.equal((await stored(again.id)).heldBy, null);
  const stranger = await createComment(null, { ...guest, guestEmail: "w@example.test", body: "Nouveau." });
  assert.deepEqual(parseHeldBy((await stored(stranger.id)).heldBy), [{ rule: "first_comment", detail: "" }]);
});

test("link limit: more links than allowed (bare URLs count) are held; the limit itself passes", async () => {
  const { reader, post } = await scene({ holdLinkLimit: 1 });
  const many = await createComment(as(reader), {
    postId: post.id,
    body: "Voir https://a.example and [this](https://b.example/page).",
  });
  assert.equal(many.status, "pending");
  assert.deepEqual(parseHeldBy((await stored(many.id)).heldBy), [{ rule: "links", detail: "2 > 1" }]);
  const one = await createComment(as(reader), { postId: post.id, body: "Voir https://a.example seulement." });
  assert.equal(one.status, "approved");
  const none = await createComment(as(reader), { postId: post.id, body: "@josee aucun lien ici." });
  assert.equal(none.status, "approved", "a mention is not a link");
});

test("auto-close: a discussion closes N days after publication; the form says closed", async () => {
  const { reader, owner, blog } = await scene({ closeAfterDays: 7 });
  const old = await createPost({
    blogId: blog.id,
    authorId: owner.id,
    publishedAt: new Date(Date.now() - 8 * 86_400_000),
  });
  const recent = await createPost({
    blogId: blog.id,
    authorId: owner.id,
    publishedAt: new Date(Date.now() - 6 * 86_400_000),
  });
  await assert.rejects(
    createComment(as(reader), { postId: old.id, body: "Trop tard ?" }),
    rejects("FORBIDDEN", "errors.commentsClosed"),
  );
  const thread = await listThread(old.id, as(reader));
  assert.deepEqual(
    { canComment: thread.viewer.canComment, reason: "reason" in thread.viewer ? thread.viewer.reason : null },
    { canComment: false, reason: "closed" },
  );
  assert.equal((await createComment(as(reader), { postId: recent.id, body: "À temps." })).status, "approved");
  await db.blog.update({ where: { id: blog.id }, data: { closeAfterDays: null } });
  assert.equal((await createComment(as(reader), { postId: old.id, body: "Jamais fermé." })).status, "approved");
});

test("honeypot: a filled trap is kept as spam, answered like a held comment, shown to nobody, notifies nobody", async () => {
  const { reader, owner, moderator, post } = await scene();
  const caught = await createComment(as(reader), { postId: post.id, body: "Nice post" }, { honeypot: "http://spam" });
  assert.equal(caught.status, "pending", "the sender cannot tell");
  const row = await stored(caught.id);
  assert.equal(row.status, "spam");
  assert.deepEqual(parseHeldBy(row.heldBy), [{ rule: "honeypot", detail: "filled" }]);
  assert.equal(await db.notification.count(), 0);
  for (const viewer of [as(reader), as(owner), as(moderator), null]) {
    const items = flattenThread((await listThread(post.id, viewer)).tree);
    assert.ok(!items.some((item) => item.id === caught.id && item.bodyHtml), "never shown");
  }
  // An empty trap is a person: the owner hears of the comment.
  const person = await createComment(as(reader), { postId: post.id, body: "Nice post" }, { honeypot: "" });
  assert.equal((await stored(person.id)).status, "approved");
  assert.equal(await db.notification.count({ where: { userId: owner.id } }), 1);
});

test("heldBy: never in the thread or the API, for readers, the author, moderators or guests", async () => {
  const { reader, owner, moderator, post } = await scene({ holdWords: "promo" });
  const held = await createComment(as(reader), { postId: post.id, body: "Grosse promo ici" });
  assert.ok((await stored(held.id)).heldBy);
  // The author sees their own comment, marked as awaiting moderation.
  const own = flattenThread((await listThread(post.id, as(reader))).tree).find((item) => item.id === held.id);
  assert.equal(own?.isHeld, true);
  assert.ok(own?.bodyHtml.includes("promo"));
  for (const viewer of [as(reader), as(owner), as(moderator), null]) {
    const text = JSON.stringify(await listThread(post.id, viewer));
    assert.ok(!/heldBy|"rule"|first_comment|"words"/.test(text), `thread for ${viewer?.name ?? "a guest"}`);
  }
  const tokens = [null, (await createApiToken(reader.id, "t")).token, (await createApiToken(owner.id, "t")).token];
  for (const token of tokens) {
    const response = await listCommentsApi(
      new Request(`http://localhost:3999/api/v1/posts/${post.id}/comments`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      }),
      { params: Promise.resolve({ id: post.id }) },
    );
    assert.equal(response.status, 200);
    assert.ok(!/heldBy|"rule"/.test(await response.text()));
  }
});

const settings = (over: Partial<UpdateBlogSettingsInput> = {}): UpdateBlogSettingsInput => ({
  name: "Le carnet",
  slug: "carnet",
  language: "en",
  commentPolicy: "open",
  allowGuestComments: true,
  ...over,
});

test("settings: bad rules are refused naming the field, and nothing is saved", async () => {
  const { owner, blog } = await scene();
  const before = await countRows();
  const cases: [Partial<UpdateBlogSettingsInput>, string, string][] = [
    [{ holdLinkLimit: "-2" }, "holdLinkLimit", "validation.ruleLinkLimit"],
    [{ closeAfterDays: "0" }, "closeAfterDays", "validation.ruleCloseAfterDays"],
    [{ reportThreshold: "99" }, "reportThreshold", "validation.ruleReportThreshold"],
    [{ rejectWords: "x".repeat(101) }, "rejectWords", "validation.ruleWordTooLong"],
    [
      { holdWords: Array.from({ length: 501 }, (_, i) => `w${i}`).join("\n") },
      "holdWords",
      "validation.ruleWordsTooMany",
    ],
  ];
  for (const [over, field, message] of cases) {
    await assert.rejects(
      updateBlogSettings(as(owner), blog.id, settings({ name: "Renamed", ...over })),
      rejects("INVALID_INPUT", message, field),
    );
  }
  assert.deepEqual(await countRows(), before);
  assert.equal((await db.blog.findUniqueOrThrow({ where: { id: blog.id } })).name, "Le carnet");
});

test("settings: a save records one blog.settings entry with before and after of the changed fields only", async () => {
  const { owner, blog } = await scene();
  await updateBlogSettings(
    as(owner),
    blog.id,
    settings({
      tagline: "Nouveau",
      holdUntilApproved: "on",
      holdLinkLimit: "3",
      holdWords: "promo\n\npromo\n casino ",
      closeAfterDays: "",
      reportThreshold: "3",
      spamCheck: "on",
    }),
  );
  const saved = await db.blog.findUniqueOrThrow({ where: { id: blog.id } });
  assert.deepEqual(
    [saved.tagline, saved.holdUntilApproved, saved.holdLinkLimit, saved.holdWords, saved.closeAfterDays],
    ["Nouveau", true, 3, "promo\ncasino", null],
  );
  const entries = await db.auditEntry.findMany({ where: { blogId: blog.id, action: "blog.settings" } });
  assert.equal(entries.length, 1);
  const entry = entries[0]!;
  assert.deepEqual(
    [entry.actorId, entry.actorName, entry.subjectType, entry.subjectId, entry.blogName],
    [owner.id, owner.name, "blog", blog.id, "Le carnet"],
  );
  assert.deepEqual(JSON.parse(entry.before!), {
    tagline: null,
    holdUntilApproved: false,
    holdLinkLimit: null,
    holdWords: "",
  });
  assert.deepEqual(JSON.parse(entry.after!), {
    tagline: "Nouveau",
    holdUntilApproved: true,
    holdLinkLimit: 3,
    holdWords: "promo\ncasino",
  });
  // Saving the same values again changes nothing and records nothing.
  await updateBlogSettings(
    as(owner),
    blog.id,
    settings({ tagline: "Nouveau", holdLinkLimit: "3", holdWords: "promo\ncasino" }),
  );
  assert.equal(await db.auditEntry.count({ where: { action: "blog.settings" } }), 1);
  // Unticking a box (the form sends its hidden "off") is a change too.
  await updateBlogSettings(as(owner), blog.id, settings({ tagline: "Nouveau", holdUntilApproved: "off" }));
  const last = await db.auditEntry.findFirstOrThrow({
    where: { action: "blog.settings" },
    orderBy: { createdAt: "desc" },
  });
  assert.deepEqual(
    [JSON.parse(last.before!), JSON.parse(last.after!)],
    [{ holdUntilApproved: true }, { holdUntilApproved: false }],
  );
});

test("settings: rules are for owners and admins only (service)", async () => {
  const { moderator, reader, blog } = await scene();
  await assert.rejects(updateBlogRules(as(moderator), blog.id, { holdLinkLimit: 1 }), rejects("FORBIDDEN"));
  await assert.rejects(updateBlogRules(as(reader), blog.id, { holdLinkLimit: 1 }), rejects("NOT_FOUND"));
  await assert.rejects(updateBlogRules(null, blog.id, { holdLinkLimit: 1 }), rejects("UNAUTHENTICATED"));
  assert.equal(await db.auditEntry.count(), 0);
});

test("API: owners read and change the rules of /blogs/{blog}; others do not see them and are refused", async () => {
  const { owner, moderator, blog } = await scene();
  const admin = await createUser({ handle: "admin_anne", role: "admin" });
  const token = async (user: Person) => (await createApiToken(user.id, "t")).token;
  const url = "http://localhost:3999/api/v1/blogs/carnet";
  const ctx = { params: Promise.resolve({ blog: "carnet" }) };
  const call = (tokenValue: string | null, method = "GET", body?: unknown) =>
    new Request(url, {
      method,
      headers: {
        ...(tokenValue ? { authorization: `Bearer ${tokenValue}` } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const ownerToken = await token(owner);

  const read = await getBlogApi(call(ownerToken), ctx);
  const blogJson = (await read.json()) as { rules?: Record<string, unknown> };
  assert.deepEqual(blogJson.rules, {
    holdUntilApproved: false,
    holdLinkLimit: null,
    holdWords: "",
    rejectWords: "",
    closeAfterDays: null,
    reportThreshold: 3,
    spamCheck: true,
    commentsPerPage: 50,
  });
  for (const other of [null, await token(moderator)]) {
    const response = await getBlogApi(call(other), ctx);
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { rules?: unknown }).rules, undefined);
  }

  const patched = await patchBlogApi(
    call(ownerToken, "PATCH", { rules: { holdLinkLimit: 2, rejectWords: "spam\nSPAM" } }),
    ctx,
  );
  assert.equal(patched.status, 200);
  const after = (await patched.json()) as { rules: Record<string, unknown> };
  assert.deepEqual([after.rules.holdLinkLimit, after.rules.rejectWords], [2, "spam"]);
  const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "blog.settings" } });
  assert.deepEqual(JSON.parse(entry.after!), { holdLinkLimit: 2, rejectWords: "spam" });

  const adminPatch = await patchBlogApi(call(await token(admin), "PATCH", { rules: { closeAfterDays: 30 } }), ctx);
  assert.equal(adminPatch.status, 200);

  const refusals: [string | null, unknown, number][] = [
    [null, { rules: { holdLinkLimit: 1 } }, 401],
    [await token(moderator), { rules: { holdLinkLimit: 1 } }, 403],
    [ownerToken, { rules: { holdLinkLimit: -1 } }, 400],
    [ownerToken, { rules: { holdLinkLimit: "1" } }, 400],
    [ownerToken, { rules: { unknown: true } }, 400],
    [ownerToken, { name: "x", rules: {} }, 400],
  ];
  for (const [who, body, status] of refusals) {
    const response = await patchBlogApi(call(who, "PATCH", body), ctx);
    assert.equal(response.status, status, JSON.stringify(body));
  }
  const final = await db.blog.findUniqueOrThrow({ where: { id: blog.id } });
  assert.deepEqual([final.holdLinkLimit, final.closeAfterDays], [2, 30]);
  assert.equal(await db.auditEntry.count({ where: { action: "blog.settings" } }), 2);
});
