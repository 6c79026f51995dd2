import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, beforeEach, test } from "node:test";
import { decode } from "next-auth/jwt";
import {
  authOptions,
  changePassword,
  createApiToken,
  requestEmailChange,
  requestPasswordReset,
  resetPassword,
  revokeApiToken,
  signOutEverywhere,
  signUp,
  verifyEmail,
} from "@/lib/auth";
import { userIdForApiToken } from "@/lib/auth/api-tokens";
import { sessionToken, viewerForClaims, type SessionClaims } from "@/lib/auth/session";
import { verifyPassword } from "@/lib/auth/password";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { closeMailTransports } from "@/lib/mail";
import { completeSetup, needsSetup } from "@/lib/setup";
import { deleteAccount, exportAccount, updateProfile } from "@/lib/users";
import { createBlog, createComment, createPost, createUser } from "../factories";
import { countRows, resetDb } from "../setup/db";

// Mail goes to a private outbox folder: the tests read the links from the .eml files.
const outbox = mkdtempSync(join(tmpdir(), "tribune-outbox-"));
process.env.OUTBOX_DIR = outbox;
delete process.env.SMTP_URL;
process.env.NEXTAUTH_SECRET ??= "accounts-test-secret-0123456789";

function lastLink(to: string): string {
  const files = readdirSync(outbox)
    .filter((f) => f.includes(to.replace(/[^a-z0-9]+/gi, "-").toLowerCase()))
    .sort();
  const text = readFileSync(join(outbox, files.at(-1)!), "utf8");
  return /^(https?:\/\/\S+)$/m.exec(text)![1]!;
}

let ip = 0;
const nextIp = () => `10.0.0.${++ip}`;
const input = (over: Partial<{ name: string; handle: string; email: string; password: string }> = {}) => ({
  name: "Josée Lavoie",
  handle: "josee",
  email: "josee@example.test",
  password: "correct horse battery",
  ...over,
});
const rejects = (code: string, field?: string) => (error: unknown) => {
  assert.ok(error instanceof AppError, String(error));
  assert.equal(error.code, code);
  if (field) assert.equal(error.details?.field, field);
  return true;
};

beforeEach(resetDb);
after(async () => {
  closeMailTransports();
  rmSync(outbox, { recursive: true, force: true });
  await disconnectDb();
});

test("accounts: sign-up stores an argon2id hash, mails a link, and the link verifies once", async () => {
  await signUp(input(), "fr", nextIp());
  const user = await db.user.findUniqueOrThrow({ where: { email: "josee@example.test" } });
  assert.match(user.passwordHash!, /^\$argon2id\$/);
  assert.equal(user.emailVerified, null);
  const token = new URL(lastLink("josee@example.test")).searchParams.get("token")!;
  await verifyEmail(token);
  assert.ok((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified);
  await assert.rejects(verifyEmail(token), rejects("INVALID_INPUT"));
});

test("accounts: a taken handle (any case) or email is refused and nothing is written", async () => {
  await signUp(input(), "fr", nextIp());
  const before = await countRows();
  await assert.rejects(
    signUp(input({ handle: "JOSEE", email: "other@example.test" }), "fr", nextIp()),
    rejects("CONFLICT", "handle"),
  );
  await assert.rejects(
    signUp(input({ handle: "other", email: "josee@example.test" }), "fr", nextIp()),
    rejects("CONFLICT", "email"),
  );
  assert.deepEqual(await countRows(), before);
});

test("accounts: password reset sets the new password, signs out everywhere, and the link dies", async () => {
  const user = await createUser({ handle: "sylvain" });
  await requestPasswordReset(user.email!, "fr", nextIp());
  const token = lastLink(user.email!).split("/").at(-1)!;
  await resetPassword(token, "a brand new password");
  const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  assert.ok(await verifyPassword(after.passwordHash, "a brand new password"));
  assert.equal(after.sessionVersion, user.sessionVersion + 1);
  await assert.rejects(resetPassword(token, "another password!!"), rejects("INVALID_INPUT"));
});

test("accounts: an unknown address asks for a reset and learns nothing; no mail is written", async () => {
  const files = readdirSync(outbox).length;
  await requestPasswordReset("nobody@example.test", "en", nextIp());
  assert.equal(readdirSync(outbox).length, files);
});

test("accounts: changing the password needs the current one", async () => {
  await signUp(input(), "en", nextIp());
  const user = await db.user.findUniqueOrThrow({ where: { email: "josee@example.test" } });
  await assert.rejects(changePassword(user.id, "wrong", "a new password 1"), rejects("INVALID_INPUT", "current"));
  await changePassword(user.id, "correct horse battery", "a new password 1");
  assert.ok(
    await verifyPassword(
      (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash,
      "a new password 1",
    ),
  );
});

test("accounts: sign out everywhere bumps the session version", async () => {
  const user = await createUser();
  await signOutEverywhere(user.id);
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion, 1);
});

// A session token read as every request reads it: next-auth's decode, then the jwt and session
// callbacks, then the viewer lookup that checks the session version (getViewer).
async function viewerOf(token: string) {
  const secret = authOptions.secret ?? process.env.NEXTAUTH_SECRET!;
  const decoded = await decode({ token, secret });
  assert.ok(decoded, "the token decodes");
  const callbacks = authOptions.callbacks!;
  const claims = await callbacks.jwt!({ token: decoded } as Parameters<NonNullable<typeof callbacks.jwt>>[0]);
  const session = await callbacks.session!({ session: { expires: "" }, token: claims } as Parameters<
    NonNullable<typeof callbacks.session>
  >[0]);
  return viewerForClaims((session as { user?: SessionClaims }).user);
}

async function sessionOf(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return sessionToken(user, user.sessionVersion);
}

test("sessions: a password change ends every other session; the one that changed it carries on", async () => {
  await signUp(input(), "en", nextIp());
  const { id } = await db.user.findUniqueOrThrow({ where: { email: "josee@example.test" } });
  const [laptop, phone] = [await sessionOf(id), await sessionOf(id)];
  assert.equal((await viewerOf(phone))?.id, id);
  const user = await db.user.findUniqueOrThrow({ where: { id } });
  const version = await changePassword(id, "correct horse battery", "a new password 1");
  assert.equal(await viewerOf(phone), null, "the other session is refused");
  assert.equal(await viewerOf(laptop), null, "a token of the old version is refused, whoever holds it");
  // What keepThisSession gives the browser that changed it: a token at the new version.
  assert.equal((await viewerOf(await sessionToken(user, version)))?.id, id);
});

test("sessions: a password reset ends every session", async () => {
  const user = await createUser({ handle: "sylvain" });
  const before = await sessionOf(user.id);
  await requestPasswordReset(user.email!, "fr", nextIp());
  await resetPassword(lastLink(user.email!).split("/").at(-1)!, "a brand new password");
  assert.equal(await viewerOf(before), null);
  assert.equal((await viewerOf(await sessionOf(user.id)))?.id, user.id, "a new sign-in works");
});

test("sessions: an email change ends every session once confirmed; confirming sign-up ends none", async () => {
  await signUp(input(), "en", nextIp());
  await verifyEmail(new URL(lastLink("josee@example.test")).searchParams.get("token")!);
  const { id } = await db.user.findUniqueOrThrow({ where: { email: "josee@example.test" } });
  const before = await sessionOf(id);
  assert.equal((await viewerOf(before))?.id, id, "confirming the sign-up address ended nothing");
  await requestEmailChange(id, "josee.new@example.test", "en");
  assert.equal((await viewerOf(before))?.id, id, "asking for the change ends nothing yet");
  const result = await verifyEmail(new URL(lastLink("josee.new@example.test")).searchParams.get("token")!);
  assert.equal(result.userId, id);
  assert.equal(await viewerOf(before), null);
  const user = await db.user.findUniqueOrThrow({ where: { id } });
  assert.equal(user.email, "josee.new@example.test");
  assert.equal(result.sessionVersion, user.sessionVersion);
});

test("sessions: sign out everywhere, a deleted account, or claims without an id are refused", async () => {
  const user = await createUser();
  const before = await sessionOf(user.id);
  await signOutEverywhere(user.id);
  assert.equal(await viewerOf(before), null);
  assert.equal(await viewerForClaims({ sv: 0 }), null);
  assert.equal(await viewerForClaims(null), null);
  const other = await createUser();
  const token = await sessionOf(other.id);
  await db.user.update({ where: { id: other.id }, data: { deletedAt: new Date() } });
  assert.equal(await viewerOf(token), null);
});

test("profiles: one person cannot change another's profile; a taken handle changes nothing", async () => {
  const josee = await createUser({ handle: "josee", name: "Josée" });
  const tom = await createUser({ handle: "tom", name: "Tom" });
  const profile = { handle: "josee", name: "Hacked", bio: null, links: [] };
  await assert.rejects(updateProfile(tom, josee.id, profile), rejects("FORBIDDEN"));
  await assert.rejects(
    updateProfile(tom, tom.id, { ...profile, handle: "JOSEE", name: "Tom" }),
    rejects("CONFLICT", "handle"),
  );
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: josee.id } })).name, "Josée");
  await updateProfile(tom, tom.id, {
    handle: "TomW",
    name: "Tom Whitaker",
    bio: "Hi",
    links: [{ label: "Site", url: "https://tom.test" }],
  });
  const updated = await db.user.findUniqueOrThrow({ where: { id: tom.id }, include: { links: true } });
  assert.equal(updated.handleKey, "tomw");
  assert.equal(updated.nameKey, "tom whitaker");
  assert.deepEqual(
    updated.links.map((l) => l.url),
    ["https://tom.test"],
  );
});

test("tokens: stored hashed, run as their owner, stop working once revoked", async () => {
  const user = await createUser();
  const { id, token } = await createApiToken(user.id, "script");
  const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
  assert.notEqual(row.tokenHash, token);
  assert.ok(!JSON.stringify(row).includes(token));
  assert.equal(await userIdForApiToken(token), user.id);
  const other = await createUser();
  await assert.rejects(revokeApiToken(other.id, id), rejects("NOT_FOUND"));
  await revokeApiToken(user.id, id);
  assert.equal(await userIdForApiToken(token), null);
  assert.equal(await userIdForApiToken("trb_forged"), null);
});

test("delete account: comments stay as 'deleted user' and the thread keeps its shape", async () => {
  const author = await createUser();
  const reader = await createUser();
  const blog = await createBlog({ ownerId: author.id });
  const post = await createPost({ blogId: blog.id, authorId: author.id });
  const parent = await createComment({ postId: post.id, authorId: reader.id });
  const reply = await createComment({ postId: post.id, authorId: author.id, parentId: parent.id });
  await assert.rejects(deleteAccount(author, author.id), rejects("CONFLICT"));
  await assert.rejects(deleteAccount(author, reader.id), rejects("FORBIDDEN"));
  await deleteAccount(reader, reader.id);
  const kept = await db.comment.findUniqueOrThrow({ where: { id: parent.id } });
  assert.equal(kept.authorId, null);
  assert.equal(kept.status, "approved");
  assert.equal((await db.comment.findUniqueOrThrow({ where: { id: reply.id } })).parentId, parent.id);
  assert.equal(await db.user.findUnique({ where: { id: reader.id } }), null);
});

test("export: holds the person's data and never a hash", async () => {
  const user = await createUser();
  await createApiToken(user.id, "cli");
  await signUp(input({ email: "x@example.test", handle: "xx" }), "fr", nextIp());
  const data = await exportAccount(user.id);
  assert.equal(data.user.email, user.email);
  assert.equal(data.user.apiTokens.length, 1);
  const json = JSON.stringify(data);
  assert.doesNotMatch(json, /argon2|tokenHash|passwordHash/);
});

test("setup: a wrong code writes nothing; the right one creates the admin and the blog once", async () => {
  assert.equal(await needsSetup(), true);
  const { issueToken, hashToken } = await import("@/lib/auth/tokens");
  const token = await issueToken("setup", {});
  await db.authToken.updateMany({
    where: { tokenHash: hashToken(token) },
    data: { tokenHash: hashToken("GOODCODE1234") },
  });
  const form = {
    name: "Anne",
    handle: "anne",
    email: "anne@example.test",
    password: "admin password 1",
    blogName: "Le blogue",
    blogSlug: "le-blogue",
    blogLanguage: "fr" as const,
  };
  const before = await countRows();
  await assert.rejects(completeSetup({ ...form, code: "WRONG" }), rejects("INVALID_INPUT", "code"));
  assert.deepEqual(await countRows(), before);
  await completeSetup({ ...form, code: "goodcode1234" });
  assert.equal(await needsSetup(), false);
  const blog = await db.blog.findUniqueOrThrow({ where: { slug: "le-blogue" }, include: { memberships: true } });
  assert.equal(blog.memberships[0]?.role, "owner");
  await assert.rejects(completeSetup({ ...form, code: "GOODCODE1234" }), rejects("CONFLICT"));
});

test("accounts: the verification link brings the person back where they signed up (a path of this site only)", async () => {
  await signUp(input(), "fr", nextIp(), "/carnet/un-article#discussion");
  const link = new URL(lastLink("josee@example.test"));
  assert.equal(link.pathname, "/verify-email");
  assert.equal(link.searchParams.get("from"), "/carnet/un-article#discussion");
  for (const [i, hostile] of ["//evil.test/x", "https://evil.test/", "/\\evil.test"].entries()) {
    const who = input({ handle: `away${i}`, email: `away${i}@example.test` });
    await signUp(who, "fr", nextIp(), hostile);
    assert.equal(new URL(lastLink(who.email)).searchParams.get("from"), null, hostile);
  }
});
