import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, beforeEach, test } from "node:test";
import { simpleParser } from "mailparser";
import {
  approveComment,
  createComment,
  deleteComment,
  editComment,
  getComment,
  getCommentContext,
  listThread,
  rejectComment,
  toggleLike,
  type CommentNode,
  type ThreadItem,
} from "@/lib/comments";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { closeLiveBus } from "@/lib/live";
import {
  flushNotificationMail,
  groupNotifications,
  listNotifications,
  markRead,
  openNotification,
  setPreferences,
  getPreferences,
  unreadCount,
  verifyUnsubscribeToken,
} from "@/lib/notifications";
import { POST as oneClickUnsubscribe } from "@/app/api/unsubscribe/route";
import { createBlog, createPost, createUser } from "../factories";
import { resetDb } from "../setup/db";

let outbox: string;
const info = console.info;
before(() => {
  process.env.NEXTAUTH_SECRET = "comments-test-secret-0123456789";
  delete process.env.SMTP_URL;
  // Each outbox write logs its recipient; the mails themselves are what these tests read.
  console.info = () => {};
});
beforeEach(async () => {
  await flushNotificationMail();
  await resetDb();
  outbox = mkdtempSync(join(tmpdir(), "tribune-comments-outbox-"));
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
const isApp = (code: string, message?: string) => (error: unknown) => {
  assert.ok(error instanceof AppError, `expected AppError, got ${String(error)}`);
  assert.equal(error.code, code);
  if (message) assert.equal(error.message, message);
  return true;
};

/** A blog owned by `owner` with one public article by the owner. */
async function scene(options: { ownerName?: string } = {}) {
  const owner = await createUser({ name: options.ownerName ?? "Josée Lavoie" });
  const blog = await createBlog({ ownerId: owner.id });
  const post = await createPost({ blogId: blog.id, authorId: owner.id });
  return { owner, blog, post };
}

async function rowCounts() {
  const [comments, mentions, notifications, follows, revisions] = await Promise.all([
    db.comment.count(),
    db.mention.count(),
    db.notification.count(),
    db.follow.count(),
    db.commentRevision.count(),
  ]);
  return { comments, mentions, notifications, follows, revisions };
}

const find = (tree: CommentNode<ThreadItem>[], id: string): CommentNode<ThreadItem> | undefined => {
  for (const node of tree) {
    if (node.id === id) return node;
    const inner = find(node.replies, id);
    if (inner) return inner;
  }
  return undefined;
};

async function mails() {
  await flushNotificationMail();
  const files = readdirSync(outbox).filter((name) => name.endsWith(".eml"));
  return Promise.all(
    files.map(async (name) => {
      const raw = readFileSync(join(outbox, name), "utf8");
      return Object.assign(await simpleParser(raw), { raw });
    }),
  );
}

test("comments: create, reply, edit (revision kept), delete leaves a placeholder over its replies", async () => {
  const { post } = await scene();
  const reader = await createUser({ name: "Priya Raman" });
  const other = await createUser({ name: "Noémie Roy" });
  const top = await createComment(as(reader), { postId: post.id, body: "  First *thoughts*  " });
  assert.equal(top.status, "approved");
  const reply = await createComment(as(other), { postId: post.id, parentId: top.id, body: "A reply" });
  assert.equal(reply.parentId, top.id);

  const stored = await db.comment.findUniqueOrThrow({ where: { id: top.id } });
  assert.equal(stored.bodySource, "First *thoughts*");
  assert.match(stored.bodyHtml, /<em>thoughts<\/em>/);

  await assert.rejects(editComment(as(other), top.id, "hijack"), isApp("FORBIDDEN", "errors.notYourComment"));
  const edited = await editComment(as(reader), top.id, "Second thoughts");
  assert.ok(edited.changed && edited.editedAt);
  const revisions = await db.commentRevision.findMany({ where: { commentId: top.id } });
  assert.deepEqual(
    revisions.map((r) => r.bodySource),
    ["First *thoughts*"],
  );
  assert.ok((await getComment(top.id, null)).editedAt);

  await assert.rejects(deleteComment(as(other), top.id), isApp("FORBIDDEN"));
  await deleteComment(as(reader), top.id);
  const thread = await listThread(post.id, null);
  assert.equal(thread.count, 1);
  const placeholder = find(thread.tree, top.id)!;
  assert.equal(placeholder.status, "deleted");
  assert.equal(placeholder.bodyHtml, "");
  assert.equal(placeholder.author, null);
  assert.equal(placeholder.replies[0]?.id, reply.id);
  const kept = await db.comment.findUniqueOrThrow({ where: { id: top.id } });
  assert.equal(kept.bodySource, "Second thoughts", "the source stays for moderators");
  assert.equal(kept.bodyHtml, "");

  await deleteComment(as(other), reply.id);
  assert.deepEqual((await listThread(post.id, null)).tree, [], "an all-deleted subtree is pruned");
});

test("comments: bad input is refused and nothing is half-saved", async () => {
  const { post, blog, owner } = await scene();
  const reader = await createUser();
  const otherPost = await createPost({ blogId: blog.id, authorId: owner.id });
  const foreign = await createComment(as(reader), { postId: otherPost.id, body: "elsewhere" });
  const gone = await createComment(as(reader), { postId: post.id, body: "soon gone" });
  await deleteComment(as(reader), gone.id);
  const before = await rowCounts();

  await assert.rejects(createComment(as(reader), { postId: post.id, body: "   " }), (error: unknown) => {
    assert.match(JSON.stringify(error), /validation\.commentEmpty/);
    return true;
  });
  await assert.rejects(createComment(as(reader), { postId: post.id, body: "x".repeat(5001) }), (error: unknown) => {
    assert.match(JSON.stringify(error), /validation\.commentTooLong/);
    return true;
  });
  await assert.rejects(
    createComment(as(reader), { postId: post.id, parentId: foreign.id, body: "cross-post reply" }),
    isApp("INVALID_INPUT", "errors.parentInvalid"),
  );
  await assert.rejects(
    createComment(as(reader), { postId: post.id, parentId: gone.id, body: "reply to deleted" }),
    isApp("INVALID_INPUT", "errors.parentGone"),
  );
  const many = await Promise.all(Array.from({ length: 11 }, (_, i) => createUser({ handle: `many${i}` })));
  await assert.rejects(
    createComment(as(reader), { postId: post.id, body: many.map((u) => `@${u.handle}`).join(" ") }),
    isApp("INVALID_INPUT", "validation.tooManyMentions"),
  );
  assert.deepEqual(await rowCounts(), before);
});

test("comments: who may comment (closed, members only, per-article override, guests)", async () => {
  const { post, blog, owner } = await scene();
  const reader = await createUser();
  const member = await createUser();
  await db.membership.create({ data: { blogId: blog.id, userId: member.id, role: "author" } });

  await db.blog.update({ where: { id: blog.id }, data: { commentPolicy: "closed" } });
  await assert.rejects(
    createComment(as(reader), { postId: post.id, body: "closed?" }),
    isApp("FORBIDDEN", "errors.commentsClosed"),
  );
  await assert.rejects(createComment(as(owner), { postId: post.id, body: "closed?" }), isApp("FORBIDDEN"));
  await db.post.update({ where: { id: post.id }, data: { commentPolicy: "open" } });
  assert.equal((await createComment(as(reader), { postId: post.id, body: "override opens it" })).status, "approved");

  await db.post.update({ where: { id: post.id }, data: { commentPolicy: "members" } });
  await assert.rejects(
    createComment(as(reader), { postId: post.id, body: "not a member" }),
    isApp("FORBIDDEN", "errors.commentsMembersOnly"),
  );
  assert.equal((await createComment(as(member), { postId: post.id, body: "member" })).status, "approved");

  await db.blog.update({ where: { id: blog.id }, data: { commentPolicy: "open" } });
  await db.post.update({ where: { id: post.id }, data: { commentPolicy: "closed" } });
  await assert.rejects(createComment(as(member), { postId: post.id, body: "closed" }), isApp("FORBIDDEN"));

  await db.post.update({ where: { id: post.id }, data: { commentPolicy: null } });
  const guest = { postId: post.id, body: "guest here", guestName: "Visiteur", guestEmail: "v@example.test" };
  await assert.rejects(createComment(null, guest, { ip: "203.0.113.1" }), isApp("UNAUTHENTICATED"));
  await db.blog.update({ where: { id: blog.id }, data: { allowGuestComments: true } });
  await assert.rejects(
    createComment(null, { postId: post.id, body: "no email", guestName: "V" }, { ip: "203.0.113.1" }),
    isApp("INVALID_INPUT", "validation.guestIdentityRequired"),
  );
  const held = await createComment(null, guest, { ip: "203.0.113.1" });
  assert.equal(held.status, "pending");
  const row = await db.comment.findUniqueOrThrow({ where: { id: held.id } });
  assert.equal(row.guestName, "Visiteur");
  assert.equal(row.authorId, null);
  // What the guest's own device keeps to show it to them alone: the stored HTML and date.
  assert.equal(held.bodyHtml, row.bodyHtml);
  assert.match(held.bodyHtml, /guest here/);
  assert.equal(held.createdAt.toISOString(), row.createdAt.toISOString());
  // Held: readers hear nothing yet; only the blog's staff are told it waits (comment_held).
  assert.deepEqual(
    await db.notification.findMany({ where: { commentId: held.id }, select: { userId: true, kind: true } }),
    [{ userId: owner.id, kind: "comment_held" }],
  );
});

test("comments: held comments are shown to moderators and their author only, until approved", async () => {
  const { post, blog, owner } = await scene();
  const moderator = await createUser();
  await db.membership.create({ data: { blogId: blog.id, userId: moderator.id, role: "moderator" } });
  const writer = await createUser();
  const stranger = await createUser();
  const pending = await db.comment.create({
    data: { postId: post.id, authorId: writer.id, bodySource: "held", bodyHtml: "<p>held</p>", status: "pending" },
  });
  const bodyFor = async (viewer: Person | null) =>
    find((await listThread(post.id, viewer && as(viewer))).tree, pending.id)?.bodyHtml;
  assert.equal(await bodyFor(null), undefined);
  assert.equal(await bodyFor(stranger), undefined);
  assert.equal(await bodyFor(writer), "<p>held</p>");
  assert.equal(await bodyFor(moderator), "<p>held</p>");
  assert.equal(await bodyFor(owner), "<p>held</p>");
  await assert.rejects(getComment(pending.id, as(stranger)), isApp("NOT_FOUND"));

  await assert.rejects(approveComment(as(stranger), pending.id), isApp("FORBIDDEN"));
  await approveComment(as(moderator), pending.id);
  assert.equal(await bodyFor(null), "<p>held</p>");
  assert.equal(await db.auditEntry.count({ where: { subjectId: pending.id, action: "comment.approve" } }), 1);
  assert.equal(await db.notification.count({ where: { commentId: pending.id, userId: owner.id } }), 1);

  await rejectComment(as(owner), pending.id, { as: "spam", reason: "ads" });
  assert.equal(await bodyFor(null), undefined);
  assert.equal((await db.comment.findUniqueOrThrow({ where: { id: pending.id } })).status, "spam");
  assert.equal(await db.notification.count({ where: { commentId: pending.id } }), 0);
});

test("comments: mentions resolve the longest name, preferring the people of the thread", async () => {
  const { post } = await scene();
  const dionne = await createUser({ name: "Sylvain Dionne", handle: "sdionne" });
  const tremblay = await createUser({ name: "Sylvain Tremblay", handle: "stremblay" });
  await createComment(as(dionne), { postId: post.id, body: "Je suis dans le fil." });
  const writer = await createUser({ name: "Priya Raman" });

  const full = await createComment(as(writer), { postId: post.id, body: "@Sylvain Dionne et @Sylvain Tremblay" });
  const short = await createComment(as(writer), { postId: post.id, body: "@Sylvain, tu as raison. `@stremblay`" });
  const mentioned = async (id: string) =>
    (await db.mention.findMany({ where: { commentId: id }, select: { userId: true } })).map((m) => m.userId).sort();
  assert.deepEqual(await mentioned(full.id), [dionne.id, tremblay.id].sort());
  assert.deepEqual(await mentioned(short.id), [dionne.id], "a first name alone goes to the one in the thread");
  const html = (await getComment(full.id, null)).bodyHtml;
  assert.match(
    html,
    new RegExp(`<a href="/u/sdionne" class="mention" data-user-id="${dionne.id}"[^>]*>@Sylvain Dionne</a>`),
  );
  assert.match(html, /href="\/u\/stremblay"/);
  const unknown = await createComment(as(writer), { postId: post.id, body: "@Personne Inconnue" });
  assert.doesNotMatch((await getComment(unknown.id, null)).bodyHtml, /<a/);

  // An edit that adds a mention notifies only the newly mentioned person.
  await editComment(as(writer), short.id, "@Sylvain et @stremblay");
  assert.deepEqual(await mentioned(short.id), [dionne.id, tremblay.id].sort());
  const notices = await db.notification.findMany({
    where: { commentId: short.id },
    select: { userId: true, kind: true },
  });
  assert.equal(notices.filter((n) => n.userId === tremblay.id && n.kind === "mention").length, 1);
  assert.equal(notices.filter((n) => n.userId === dionne.id).length, 1);
});

test("notifications: kinds, one per person (most specific wins), never oneself, preferences honoured", async () => {
  const { blog, post, owner } = await scene();
  const bea = await createUser({ name: "Béatrice Gagnon", handle: "bea" });
  const carl = await createUser({ name: "Carl Roy", handle: "carl" });
  const dora = await createUser({ name: "Dora Lee", handle: "dora" });

  const first = await createComment(as(bea), { postId: post.id, body: "Premier" });
  const kindsOf = async (commentId: string) =>
    Object.fromEntries(
      (await db.notification.findMany({ where: { commentId }, select: { userId: true, kind: true } })).map((n) => [
        n.userId,
        n.kind,
      ]),
    );
  assert.deepEqual(await kindsOf(first.id), { [owner.id]: "post_comment" });
  assert.ok(await db.follow.findUnique({ where: { userId_postId: { userId: bea.id, postId: post.id } } }));

  await createComment(as(dora), { postId: post.id, body: "Je suis là" });
  const reply = await createComment(as(carl), {
    postId: post.id,
    parentId: first.id,
    body: "@bea @Josée Lavoie @carl d’accord",
  });
  assert.deepEqual(await kindsOf(reply.id), {
    [bea.id]: "mention",
    [owner.id]: "mention",
    [dora.id]: "thread_comment",
  });

  const own = await createComment(as(owner), { postId: post.id, body: "Merci à tous" });
  assert.equal((await kindsOf(own.id))[owner.id], undefined, "the author is not told of their own comment");

  const prefs = await getPreferences(dora.id);
  for (const kind of Object.keys(prefs) as (keyof typeof prefs)[]) prefs[kind] = { inApp: false, email: false };
  await setPreferences(dora.id, prefs);
  const later = await createComment(as(bea), { postId: post.id, body: "Encore" });
  assert.equal((await kindsOf(later.id))[dora.id], undefined);

  // The owner heard of Béatrice's and Dora's comments, of Carl's mention, and of Béatrice's last one.
  assert.equal(await unreadCount(as(owner)), 4);
  const page = await listNotifications(as(owner), { limit: 3 });
  assert.equal(page.items.length, 3);
  assert.ok(page.nextCursor);
  // The comment's permalink, which the server resolves to the page of the discussion holding it.
  assert.match(page.items[0]!.href ?? "", new RegExp(`^/${blog.slug}/${post.slug}/c/\\w+$`));
  const rest = await listNotifications(as(owner), { cursor: page.nextCursor!, limit: 3 });
  assert.equal(rest.items.length, 1);
  assert.equal(rest.nextCursor, null);
  assert.equal(await markRead(as(bea), [page.items[0]!.id]), 0, "nobody marks someone else's notices");
  assert.equal(await markRead(as(owner), [page.items[0]!.id]), 1);
  assert.equal(await unreadCount(as(owner)), 3);
  await markRead(as(owner), "all");
  assert.equal((await listNotifications(as(owner), { unreadOnly: true })).items.length, 0);
});

test("notifications: one line per article and kind, with the comment's start; opening marks the line read", async () => {
  const { post, owner } = await scene();
  const bea = await createUser({ name: "Béatrice Roy" });
  const dora = await createUser({ name: "Dora Fortin" });
  const carl = await createUser({ name: "Carl Bouchard" });
  await createComment(as(bea), { postId: post.id, body: "Bonjour **à tous**, voici mon avis" });
  await createComment(as(dora), { postId: post.id, body: "Je ne suis pas d’accord" });
  const gone = await createComment(as(carl), { postId: post.id, body: "Un texte qui sera retiré" });
  await createComment(as(bea), { postId: post.id, body: "Et encore une chose" });

  const { items } = await listNotifications(as(owner));
  assert.equal(items.length, 4);
  assert.equal(items[0]!.excerpt, "Et encore une chose");
  assert.equal(items.at(-1)!.excerpt, "Bonjour à tous, voici mon avis", "plain text, no markup");
  await db.comment.update({ where: { id: gone.id }, data: { status: "removed" } });
  const after = await listNotifications(as(owner));
  assert.equal(after.items.find((item) => item.commentId === gone.id)!.excerpt, null, "a removed text is not quoted");

  const lines = groupNotifications(after.items);
  assert.equal(lines.length, 1, "four comments on one article make one line");
  assert.equal(lines[0]!.actor?.name, "Béatrice Roy");
  assert.deepEqual(lines[0]!.others, ["Carl Bouchard", "Dora Fortin"], "each other person once, newest first");
  assert.equal(lines[0]!.ids.length, 4);

  assert.equal(await openNotification(as(bea), lines[0]!.ids), null, "nobody opens someone else's notices");
  assert.equal(await unreadCount(as(owner)), 4);
  const href = await openNotification(as(owner), lines[0]!.ids);
  assert.match(href ?? "", new RegExp(`/c/${items[0]!.commentId}$`), "it leads to the newest comment (its permalink)");
  assert.equal(await unreadCount(as(owner)), 0, "the whole line is read, and the bell follows");
  // Read and unread notices of one article are separate lines.
  await createComment(as(dora), { postId: post.id, body: "Dernier mot" });
  assert.equal(groupNotifications((await listNotifications(as(owner))).items).length, 2);
});

test("notifications: emails carry a working one-click unsubscribe link", async () => {
  const { post, owner } = await scene();
  const reader = await createUser({ name: "Priya Raman" });
  const c = await createComment(as(reader), { postId: post.id, body: "Bonjour **Josée**" });
  const [mail, ...others] = await mails();
  assert.equal(others.length, 0);
  assert.ok(mail);
  assert.equal((mail.to as { text: string }).text, owner.email);
  assert.match(mail.subject ?? "", /Priya Raman/);
  assert.match(mail.text ?? "", new RegExp(`/c/${c.id}\\b`));
  const page = /(http:\/\/\S+\/unsubscribe\?token=\S+)/.exec(mail.text ?? "")?.[1];
  assert.ok(page, "a link to the unsubscribe page");
  assert.match(mail.raw, /^List-Unsubscribe:\s+<http:\/\/\S+\/api\/unsubscribe\?token=\S+>\r?$/m);
  assert.match(mail.raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
  assert.match(
    mail.html || "",
    /<a href="http:\/\/[^"]+\/unsubscribe\?token=[^"]+"[^>]*>Unsubscribe<\/a>|Se désabonner/,
  );

  const token = new URL(page).searchParams.get("token")!;
  assert.deepEqual(verifyUnsubscribeToken(token), { userId: owner.id, kind: "post_comment" });
  assert.equal(verifyUnsubscribeToken(token.replace(/.$/, (ch) => (ch === "A" ? "B" : "A"))), null);
  const response = await oneClickUnsubscribe(
    new Request(`http://localhost:3999/api/unsubscribe?token=${encodeURIComponent(token)}`, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
    }),
  );
  assert.equal(response.status, 200);
  assert.deepEqual((await getPreferences(owner.id)).post_comment, { inApp: true, email: false });

  rmSync(outbox, { recursive: true, force: true });
  await createComment(as(reader), { postId: post.id, body: "Encore moi" });
  await flushNotificationMail();
  assert.equal(await db.notification.count({ where: { userId: owner.id } }), 2, "in-app notices continue");
  let files: string[] = [];
  try {
    files = readdirSync(outbox);
  } catch {
    files = [];
  }
  assert.deepEqual(files, [], "no more email of that kind");
});

test("likes: one per person, toggled, counted, not on one's own comment", async () => {
  const { post, owner } = await scene();
  const writer = await createUser();
  const fan = await createUser();
  const c = await createComment(as(writer), { postId: post.id, body: "Likeable" });
  assert.deepEqual(await toggleLike(as(fan), c.id), { liked: true, likeCount: 1 });
  assert.deepEqual(await toggleLike(as(owner), c.id), { liked: true, likeCount: 2 });
  assert.deepEqual(await toggleLike(as(fan), c.id), { liked: false, likeCount: 1 });
  assert.deepEqual(await toggleLike(as(fan), c.id), { liked: true, likeCount: 2 });
  await assert.rejects(toggleLike(as(writer), c.id), isApp("FORBIDDEN", "errors.ownCommentLike"));
  assert.equal(await db.reaction.count({ where: { commentId: c.id } }), 2);
  const item = find((await listThread(post.id, as(fan))).tree, c.id)!;
  assert.equal(item.viewerHasLiked, true);
  assert.equal(item.likeCount, 2);
  assert.equal(find((await listThread(post.id, as(writer))).tree, c.id)!.viewerHasLiked, false);
});

test("thread: sort orders for top-level threads, replies oldest first, badges, comment context", async () => {
  const { post, blog, owner } = await scene();
  const moderator = await createUser();
  await db.membership.create({ data: { blogId: blog.id, userId: moderator.id, role: "moderator" } });
  const people = await Promise.all([createUser(), createUser(), createUser()]);
  const at = (minutes: number) => new Date(Date.now() - (60 - minutes) * 60_000);
  const make = (authorId: string, minutes: number, likeCount = 0, parentId?: string) =>
    db.comment.create({
      data: {
        postId: post.id,
        authorId,
        parentId,
        bodySource: "x",
        bodyHtml: "<p>x</p>",
        likeCount,
        createdAt: at(minutes),
      },
    });
  const a = await make(people[0]!.id, 1, 1);
  const b = await make(owner.id, 2, 5);
  const c = await make(moderator.id, 3, 3);
  const r2 = await make(people[2]!.id, 6, 0, a.id);
  const r1 = await make(people[1]!.id, 5, 9, a.id);
  const deep = await make(people[0]!.id, 7, 0, r1.id);

  const order = async (sort: "oldest" | "newest" | "liked") =>
    (await listThread(post.id, null, { sort })).tree.map((node) => node.id);
  assert.deepEqual(await order("oldest"), [a.id, b.id, c.id]);
  assert.deepEqual(await order("newest"), [c.id, b.id, a.id]);
  assert.deepEqual(await order("liked"), [b.id, c.id, a.id]);
  const { tree } = await listThread(post.id, null, { sort: "liked" });
  assert.deepEqual(
    find(tree, a.id)!.replies.map((node) => node.id),
    [r1.id, r2.id],
    "replies stay oldest first",
  );
  assert.equal(find(tree, b.id)!.isPostAuthor, true);
  assert.equal(find(tree, c.id)!.isModerator, true);
  assert.equal(find(tree, a.id)!.isModerator, false);

  const context = await getCommentContext(r1.id, null);
  assert.deepEqual(
    context.ancestors.map((item) => item.id),
    [a.id],
  );
  assert.equal(context.comment.id, r1.id);
  assert.deepEqual(
    context.comment.replies.map((node) => node.id),
    [deep.id],
  );
});
