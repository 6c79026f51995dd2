import assert from "node:assert/strict";
import { test } from "node:test";
import {
  activeSanction,
  canAppointBlogOwner,
  canChangeInstanceSettings,
  canCreatePost,
  canDeleteComment,
  canDeletePost,
  canEditComment,
  canEditPost,
  canEditProfile,
  canExportBlog,
  canExportInstance,
  canFollowPost,
  canLikeComment,
  canListAllBlogs,
  canLockThread,
  canManageBlog,
  canManageMembers,
  canModerateComments,
  canModeratorEditComment,
  canOpenBlog,
  canPinComment,
  canPreviewComment,
  canPublishPost,
  canReadAuditLog,
  canReadInstanceAuditLog,
  canReadPost,
  canRemoveComment,
  canReportComment,
  canRestoreComment,
  canSanction,
  canSeeComment,
  canSeeEditHistory,
  canSeeHeldComments,
  canSeeInstanceQueue,
  canSeeModerationQueue,
  canSeeReports,
  canSeeSanctions,
  canSetSlowMode,
  canSuggestMentions,
  canUseApiTokens,
  commentAccess,
  discussionExpired,
  parseBlogRole,
  slowModeWait,
  writerPostScope,
  type Actor,
  type BlogRole,
  type CommentPolicy,
} from "@/lib/auth/policy";

// The whole authorization matrix: every kind of person × every action of Tribune (issues
// up to 11, the moderation acts included). Each row is read left to right in the column order
// below; Y allows, n refuses. The target blog is BLOG, "others'" things belong to OTHER.

const BLOG = "blog-1";
const OTHER = "someone-else";
const NOW = new Date("2026-06-01T12:00:00Z");
const LATER = new Date("2026-06-08T12:00:00Z");

type Who = { actor: Actor; role: BlogRole | null };
const person = (id: string, role: BlogRole | null, extra: Partial<NonNullable<Actor>> = {}): Who => ({
  actor: { id, role: "member", ...extra },
  role,
});

const columns: Record<string, Who> = {
  admin: { actor: { id: "admin", role: "admin" }, role: null },
  owner: person("owner", "owner"),
  author: person("author", "author"),
  moderator: person("moderator", "moderator"),
  reader: person("reader", null),
  suspended: person("suspended", null, { sanctions: [{ kind: "suspended", blogId: null, until: LATER }] }),
  banned: person("banned", null, { sanctions: [{ kind: "banned", blogId: BLOG, until: null }] }),
  guest: { actor: null, role: null },
};
const names = Object.keys(columns);

const ownId = (who: Who) => who.actor?.id ?? "nobody";
const access = (who: Who, policy: CommentPolicy, allowGuests = true, locked = false) =>
  commentAccess({ policy, allowGuests, viewer: who.actor, viewerRole: who.role, blogId: BLOG, now: NOW, locked });
// An article published 7 days and 1 minute before NOW, on a blog that closes discussions after `days`.
const PUBLISHED = new Date(NOW.getTime() - 7 * 86_400_000 - 60_000);
const autoClose = (who: Who, days: number) =>
  commentAccess({
    policy: "open",
    allowGuests: true,
    viewer: who.actor,
    viewerRole: who.role,
    blogId: BLOG,
    publishedAt: PUBLISHED,
    closeAfterDays: days,
    now: NOW,
  });
const post = (who: Who, own: boolean, isPublic: boolean) => ({
  authorId: own ? ownId(who) : OTHER,
  isPublic,
  deleted: false,
});
const comment = (who: Who, own: boolean, status = "approved") => ({ authorId: own ? ownId(who) : OTHER, status });
const target = (blogRole: BlogRole | null, role = "member") => ({ id: OTHER, role, blogRole });

// Y allows, n refuses; columns: admin, owner, author, moderator, reader, suspended, banned, guest.
const table = `
action                                      admin  owner  author mod    reader susp   banned guest
read a published post                       Y      Y      Y      Y      Y      Y      Y      Y
read own draft                              n      Y      Y      n      n      n      n      n
read others' draft                          n      Y      n      n      n      n      n      n
write a new post                            n      Y      Y      n      n      n      n      n
edit own post                               n      Y      Y      n      n      n      n      n
edit others' post                           n      Y      n      n      n      n      n      n
publish own post                            n      Y      Y      n      n      n      n      n
publish others' post                        n      Y      n      n      n      n      n      n
delete / restore own post                   n      Y      Y      n      n      n      n      n
delete / restore others' post               n      Y      n      n      n      n      n      n
list the posts one may edit                 n      Y      Y      n      n      n      n      n
manage blog settings                        Y      Y      n      n      n      n      n      n
manage members                              Y      Y      n      n      n      n      n      n
create a blog (open creation off)           Y      n      n      n      n      n      n      n
create a blog (open creation on)            Y      Y      Y      Y      Y      Y      Y      n
create a blog for someone else              Y      n      n      n      n      n      n      n
list every blog (admin page)                Y      n      n      n      n      n      n      n
change instance settings                    Y      n      n      n      n      n      n      n
comment (open, guests allowed)              Y      Y      Y      Y      Y      n      n      Y
comment (open, no guests)                   Y      Y      Y      Y      Y      n      n      n
comment (members only)                      Y      Y      Y      Y      n      n      n      n
comment (closed)                            n      n      n      n      n      n      n      n
comment (auto-closed: published > N days)   n      n      n      n      n      n      n      n
comment (auto-close, within N days)         Y      Y      Y      Y      Y      n      n      Y
reply to a published comment                Y      Y      Y      Y      Y      n      n      Y
reply to someone's held comment             Y      Y      n      Y      n      n      n      n
edit own comment                            Y      Y      Y      Y      Y      n      n      n
edit others' comment                        n      n      n      n      n      n      n      n
delete own comment                          Y      Y      Y      Y      Y      Y      Y      n
delete others' comment (moderators: remove)                      n      n      n      n      n      n      n      n
approve / reject a held comment             Y      Y      n      Y      n      n      n      n
see every held comment                      Y      Y      n      Y      n      n      n      n
see own held comment                        Y      Y      Y      Y      Y      Y      Y      n
like others' comment                        Y      Y      Y      Y      Y      n      n      n
like own comment                            n      n      n      n      n      n      n      n
preview a comment                           Y      Y      Y      Y      Y      Y      Y      Y
preview own post                            n      Y      Y      n      n      n      n      n
see comment edit history                    Y      Y      n      Y      n      n      n      n
mention suggestions / mention notices       Y      Y      Y      Y      Y      n      n      n
follow an article                           Y      Y      Y      Y      Y      Y      Y      n
use API tokens                              Y      Y      Y      Y      Y      Y      Y      n
edit own profile                            Y      Y      Y      Y      Y      Y      Y      n
edit someone else's profile                 Y      n      n      n      n      n      n      n
# the moderation acts of issue 11, defined before their features
see the blog's moderation queue             Y      Y      n      Y      n      n      n      n
see every blog's queue (/moderation)        Y      n      n      n      n      n      n      n
remove a comment with a reason              Y      Y      n      Y      n      n      n      n
restore a removed comment                   Y      Y      n      Y      n      n      n      n
edit a comment with a moderator's note      Y      Y      n      Y      n      n      n      n
lock / unlock a thread                      Y      Y      n      Y      n      n      n      n
pin a comment                               Y      Y      n      Y      n      n      n      n
set slow mode                               Y      Y      n      Y      n      n      n      n
comment in a locked thread                  n      n      n      n      n      n      n      n
comment again too soon in slow mode         Y      Y      n      Y      n      n      n      n
see a removed or hidden comment's text      Y      Y      n      Y      n      n      n      n
see own removed or hidden comment's text    Y      Y      n      Y      n      n      n      n
see a spam comment's text in the thread     n      n      n      n      n      n      n      n
report others' comment                      Y      Y      Y      Y      Y      n      n      n
report own comment                          n      n      n      n      n      n      n      n
see reports                                 Y      Y      n      Y      n      n      n      n
sanction a reader on the blog               Y      Y      n      Y      n      n      n      n
sanction an author on the blog              Y      Y      n      Y      n      n      n      n
sanction a moderator on the blog            Y      Y      n      n      n      n      n      n
sanction an owner on the blog               Y      n      n      n      n      n      n      n
sanction an instance admin                  n      n      n      n      n      n      n      n
sanction oneself                            n      n      n      n      n      n      n      n
ban from the instance                       Y      n      n      n      n      n      n      n
see a person's sanctions on the blog        Y      Y      n      Y      n      n      n      n
read the blog's audit log                   Y      Y      n      Y      n      n      n      n
read the instance audit log                 Y      n      n      n      n      n      n      n
# issue 14, item 5: leaving with everything
export the blog (JSON, people's addresses)  Y      Y      n      n      n      n      n      n
export the whole instance                   Y      n      n      n      n      n      n      n
`;

const checks: Record<string, (who: Who) => boolean> = {
  "read a published post": (w) => canReadPost(w.actor, w.role, post(w, false, true)),
  "read own draft": (w) => canReadPost(w.actor, w.role, post(w, true, false)),
  "read others' draft": (w) => canReadPost(w.actor, w.role, post(w, false, false)),
  "write a new post": (w) => canCreatePost(w.actor, w.role),
  "edit own post": (w) => canEditPost(w.actor, w.role, post(w, true, true)),
  "edit others' post": (w) => canEditPost(w.actor, w.role, post(w, false, true)),
  "publish own post": (w) => canPublishPost(w.actor, w.role, post(w, true, false)),
  "publish others' post": (w) => canPublishPost(w.actor, w.role, post(w, false, false)),
  "delete / restore own post": (w) => canDeletePost(w.actor, w.role, post(w, true, true)),
  "delete / restore others' post": (w) => canDeletePost(w.actor, w.role, post(w, false, true)),
  "list the posts one may edit": (w) => writerPostScope(w.actor, w.role) !== null,
  "manage blog settings": (w) => canManageBlog(w.actor, w.role),
  "manage members": (w) => canManageMembers(w.actor, w.role),
  "create a blog (open creation off)": (w) => canOpenBlog(w.actor, false),
  "create a blog (open creation on)": (w) => canOpenBlog(w.actor, true),
  "create a blog for someone else": (w) => canAppointBlogOwner(w.actor),
  "list every blog (admin page)": (w) => canListAllBlogs(w.actor),
  "change instance settings": (w) => canChangeInstanceSettings(w.actor),
  "comment (open, guests allowed)": (w) => access(w, "open").canComment,
  "comment (open, no guests)": (w) => access(w, "open", false).canComment,
  "comment (members only)": (w) => access(w, "members").canComment,
  "comment (closed)": (w) => access(w, "closed").canComment,
  "comment (auto-closed: published > N days)": (w) => autoClose(w, 7).canComment,
  "comment (auto-close, within N days)": (w) => autoClose(w, 8).canComment,
  "reply to a published comment": (w) =>
    canSeeComment(comment(w, false), w.actor, canModerateComments(w.actor, w.role)) && access(w, "open").canComment,
  "reply to someone's held comment": (w) =>
    canSeeComment(comment(w, false, "pending"), w.actor, canModerateComments(w.actor, w.role)) &&
    access(w, "open").canComment,
  "edit own comment": (w) => canEditComment(w.actor, comment(w, true), access(w, "open")),
  "edit others' comment": (w) => canEditComment(w.actor, comment(w, false), access(w, "open")),
  "delete own comment": (w) => canDeleteComment(w.actor, comment(w, true)),
  "delete others' comment (moderators: remove)": (w) => canDeleteComment(w.actor, comment(w, false)),
  "approve / reject a held comment": (w) => canModerateComments(w.actor, w.role),
  "see every held comment": (w) => canSeeHeldComments(w.actor, w.role),
  "see own held comment": (w) =>
    canSeeComment(comment(w, true, "pending"), w.actor, canModerateComments(w.actor, w.role)),
  "like others' comment": (w) => canLikeComment(w.actor, comment(w, false), BLOG, NOW),
  "like own comment": (w) => canLikeComment(w.actor, comment(w, true), BLOG, NOW),
  "preview a comment": (w) => canPreviewComment(w.actor),
  "preview own post": (w) => canEditPost(w.actor, w.role, post(w, true, false)),
  "see comment edit history": (w) => canSeeEditHistory(w.actor, w.role),
  "mention suggestions / mention notices": (w) => canSuggestMentions(w.actor, BLOG, NOW),
  "follow an article": (w) => canFollowPost(w.actor),
  "use API tokens": (w) => canUseApiTokens(w.actor),
  "edit own profile": (w) => canEditProfile(w.actor, ownId(w)),
  "edit someone else's profile": (w) => canEditProfile(w.actor, OTHER),
  "see the blog's moderation queue": (w) => canSeeModerationQueue(w.actor, w.role),
  "see every blog's queue (/moderation)": (w) => canSeeInstanceQueue(w.actor),
  "remove a comment with a reason": (w) => canRemoveComment(w.actor, w.role),
  "restore a removed comment": (w) => canRestoreComment(w.actor, w.role),
  "edit a comment with a moderator's note": (w) => canModeratorEditComment(w.actor, w.role),
  "lock / unlock a thread": (w) => canLockThread(w.actor, w.role),
  "pin a comment": (w) => canPinComment(w.actor, w.role),
  "set slow mode": (w) => canSetSlowMode(w.actor, w.role),
  "comment in a locked thread": (w) => access(w, "open", true, true).canComment,
  "comment again too soon in slow mode": (w) =>
    access(w, "open").canComment &&
    slowModeWait({
      actor: w.actor,
      role: w.role,
      seconds: 60,
      lastCommentAt: new Date(NOW.getTime() - 10_000),
      now: NOW,
    }) === 0,
  "see a removed or hidden comment's text": (w) =>
    ["removed", "hidden"].every((status) =>
      canSeeComment(comment(w, false, status), w.actor, canModerateComments(w.actor, w.role)),
    ),
  "see a spam comment's text in the thread": (w) =>
    canSeeComment(comment(w, false, "spam"), w.actor, canModerateComments(w.actor, w.role)),
  "see own removed or hidden comment's text": (w) =>
    ["removed", "hidden"].every((status) =>
      canSeeComment(comment(w, true, status), w.actor, canModerateComments(w.actor, w.role)),
    ),
  "report others' comment": (w) => canReportComment(w.actor, comment(w, false), BLOG, NOW),
  "report own comment": (w) => canReportComment(w.actor, comment(w, true), BLOG, NOW),
  "see reports": (w) => canSeeReports(w.actor, w.role),
  "sanction a reader on the blog": (w) => canSanction(w.actor, w.role, target(null), "blog"),
  "sanction an author on the blog": (w) => canSanction(w.actor, w.role, target("author"), "blog"),
  "sanction a moderator on the blog": (w) => canSanction(w.actor, w.role, target("moderator"), "blog"),
  "sanction an owner on the blog": (w) => canSanction(w.actor, w.role, target("owner"), "blog"),
  "sanction an instance admin": (w) => canSanction(w.actor, w.role, target(null, "admin"), "blog"),
  "sanction oneself": (w) => canSanction(w.actor, w.role, { id: ownId(w), role: "member", blogRole: null }, "blog"),
  "ban from the instance": (w) => canSanction(w.actor, w.role, target(null), "instance"),
  "see a person's sanctions on the blog": (w) => canSeeSanctions(w.actor, w.role),
  "read the blog's audit log": (w) => canReadAuditLog(w.actor, w.role),
  "read the instance audit log": (w) => canReadInstanceAuditLog(w.actor),
  "export the blog (JSON, people's addresses)": (w) => canExportBlog(w.actor, w.role),
  "export the whole instance": (w) => canExportInstance(w.actor),
};

const rows = table
  .trim()
  .split("\n")
  .slice(1)
  .filter((line) => !line.startsWith("#"))
  .map((line) => {
    const [action, ...cells] = line.split(/\s{2,}/);
    return { action: action!, cells: cells.join(" ").split(/\s+/) };
  });

test("policy matrix: every row has a check and every check a row", () => {
  assert.deepEqual(rows.map((row) => row.action).sort(), Object.keys(checks).sort());
});

for (const { action, cells } of rows) {
  test(`policy matrix: ${action}`, () => {
    assert.equal(cells.length, names.length, `row "${action}" needs one cell per column`);
    const check = checks[action]!;
    const actual = names.map((name) => (check(columns[name]!) ? "Y" : "n"));
    assert.deepEqual(
      Object.fromEntries(names.map((name, i) => [name, actual[i]])),
      Object.fromEntries(names.map((name, i) => [name, cells[i]])),
    );
  });
}

test("policy: the refusal says why (closed first, then sanctions, then members only / sign in)", () => {
  const { suspended, reader, guest, admin } = columns;
  assert.deepEqual(access(suspended!, "closed"), { canComment: false, reason: "closed", guestsAllowed: false });
  assert.deepEqual(access(admin!, "closed", true, true), { canComment: false, reason: "closed", guestsAllowed: false });
  assert.deepEqual(access(suspended!, "open", true, true), {
    canComment: false,
    reason: "locked",
    guestsAllowed: false,
  });
  assert.deepEqual(access(admin!, "open", true, true), { canComment: false, reason: "locked", guestsAllowed: false });
  assert.deepEqual(access(suspended!, "open"), {
    canComment: false,
    reason: "sanctioned",
    guestsAllowed: false,
    sanction: { kind: "suspended", blogId: null, until: LATER },
  });
  assert.deepEqual(access(reader!, "members"), { canComment: false, reason: "membersOnly", guestsAllowed: false });
  assert.deepEqual(access(guest!, "members"), { canComment: false, reason: "signIn", guestsAllowed: false });
  assert.deepEqual(access(guest!, "open"), { canComment: true, asGuest: true, held: true });
  assert.deepEqual(access(admin!, "open"), { canComment: true, asGuest: false, held: false });
});

test("policy: a suspension lifts by itself when it ends, and a blog ban bars only that blog", () => {
  const suspended = columns.suspended!.actor;
  const banned = columns.banned!.actor;
  assert.ok(activeSanction(suspended, BLOG, NOW));
  assert.equal(activeSanction(suspended, BLOG, LATER), null);
  assert.equal(activeSanction(suspended, BLOG, new Date(LATER.getTime() + 1)), null);
  assert.equal(canLikeComment(suspended, { authorId: OTHER }, BLOG, LATER), true);
  assert.ok(activeSanction(banned, BLOG, LATER));
  assert.equal(activeSanction(banned, "another-blog", NOW), null);
  assert.equal(canReportComment(banned, { authorId: OTHER }, "another-blog", NOW), true);
  assert.equal(
    commentAccess({ policy: "open", allowGuests: false, viewer: banned, viewerRole: null, blogId: "another-blog" })
      .canComment,
    true,
  );
});

test("policy: discussions close by themselves N days after publication (injected clock)", () => {
  const reader = columns.reader!;
  const at = (now: Date, days: number | null, publishedAt: Date | null = PUBLISHED) =>
    commentAccess({
      policy: "open",
      allowGuests: false,
      viewer: reader.actor,
      viewerRole: null,
      blogId: BLOG,
      publishedAt,
      closeAfterDays: days,
      now,
    });
  const closesAt = new Date(PUBLISHED.getTime() + 7 * 86_400_000);
  assert.equal(at(closesAt, 7).canComment, true);
  assert.deepEqual(at(new Date(closesAt.getTime() + 1), 7), {
    canComment: false,
    reason: "closed",
    guestsAllowed: false,
  });
  assert.equal(at(new Date("2100-01-01"), null).canComment, true, "no automatic closing");
  assert.equal(at(new Date("2100-01-01"), 1, null).canComment, true, "no publication date, no closing");
  assert.equal(discussionExpired(PUBLISHED, 0, new Date(PUBLISHED.getTime() + 1)), true);
});

test("policy: a stored blog role is validated; anything unknown grants nothing", () => {
  assert.equal(parseBlogRole("owner"), "owner");
  assert.equal(parseBlogRole("author"), "author");
  assert.equal(parseBlogRole("moderator"), "moderator");
  for (const raw of ["Owner", "admin", "superuser", "", null, undefined]) assert.equal(parseBlogRole(raw), null);
});

test("policy: the writer scope is all posts for owners, their own for authors, none for anyone else", () => {
  assert.equal(writerPostScope(columns.owner!.actor, "owner"), "all");
  assert.deepEqual(writerPostScope(columns.author!.actor, "author"), { authorId: "author" });
  for (const name of ["admin", "moderator", "reader", "guest"])
    assert.equal(writerPostScope(columns[name]!.actor, columns[name]!.role), null);
});

test("policy: a deleted post is readable only in its editor's trash", () => {
  const owner = columns.owner!;
  const deleted = { authorId: "owner", isPublic: false, deleted: true };
  assert.equal(canReadPost(owner.actor, owner.role, deleted), false);
  assert.equal(canReadPost(owner.actor, owner.role, deleted, { includeDeleted: true }), true);
});
