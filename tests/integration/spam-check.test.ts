// The Akismet-compatible spam check against a stand-in service on loopback (node:http), through
// the guarded HTTP client: FETCH_ALLOW=127.0.0.1 is set for this test only, with AKISMET_KEY
// and AKISMET_URL, before the app's modules (and lib/env.js) load. Spam is kept as spam, ham is
// published, and a service that fails, answers nonsense or cannot be reached holds the comment
// for a moderator: a comment is never lost.
import assert from "node:assert/strict";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, test } from "node:test";

type Mode = "spam" | "ham" | "error" | "nonsense" | "drop";
let mode: Mode = "ham";
const received: URLSearchParams[] = [];

function answer(req: IncomingMessage, res: ServerResponse, body: string) {
  if (req.method !== "POST" || req.url !== "/1.1/comment-check") {
    res.statusCode = 404;
    return void res.end();
  }
  const form = new URLSearchParams(body);
  received.push(form);
  if (form.get("api_key") !== "stand-in-key") return void res.end("invalid");
  switch (mode) {
    case "spam":
      return void res.end("true");
    case "ham":
      return void res.end("false");
    case "error":
      res.statusCode = 503;
      return void res.end("down for maintenance");
    case "nonsense":
      return void res.end("maybe");
    case "drop":
      return void req.socket.destroy();
  }
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => answer(req, res, Buffer.concat(chunks).toString()));
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const port = (server.address() as AddressInfo).port;
process.env.AKISMET_KEY = "stand-in-key";
process.env.AKISMET_URL = `http://127.0.0.1:${port}`;
process.env.FETCH_ALLOW = "127.0.0.1";

const { createComment } = await import("@/lib/comments");
const { db, disconnectDb } = await import("@/lib/db");
const { closeLiveBus } = await import("@/lib/live");
const { flushNotificationMail } = await import("@/lib/notifications");
const { checkSpam, parseHeldBy, spamCheckConfigured } = await import("@/lib/moderation");
const { createBlog, createPost, createUser } = await import("../factories");
const { resetDb } = await import("../setup/db");

const info = console.info;
const warn = console.warn;
const warnings: string[] = [];
before(() => {
  process.env.NEXTAUTH_SECRET = "spam-check-test-secret-0123456789";
  console.info = () => {};
  console.warn = (message: string) => void warnings.push(message);
});
beforeEach(async () => {
  await flushNotificationMail();
  await resetDb();
  received.length = 0;
  mode = "ham";
});
after(async () => {
  await flushNotificationMail();
  console.info = info;
  console.warn = warn;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await closeLiveBus();
  await disconnectDb();
});

async function scene(spamCheck = true) {
  const [owner, reader] = await Promise.all([
    createUser({ name: "Josée Lavoie", handle: "josee" }),
    createUser({ name: "Léa Tremblay", handle: "lea" }),
  ]);
  const blog = await createBlog({ ownerId: owner.id, slug: "carnet", language: "fr" });
  await db.blog.update({ where: { id: blog.id }, data: { spamCheck, allowGuestComments: true } });
  const post = await createPost({ blogId: blog.id, authorId: owner.id, slug: "premier" });
  return { owner, reader: { id: reader.id, role: reader.role, name: reader.name }, post };
}
const stored = (id: string) => db.comment.findUniqueOrThrow({ where: { id }, select: { status: true, heldBy: true } });

test("spam check: configured by AKISMET_KEY and AKISMET_URL", () => {
  assert.equal(spamCheckConfigured(), true);
});

test("spam check: the service's 'true' keeps the comment as spam, looking held to its sender", async () => {
  const { post } = await scene();
  mode = "spam";
  const created = await createComment(
    null,
    { postId: post.id, body: "Cheap pills", guestName: "Bot", guestEmail: "bot@example.test" },
    { ip: "203.0.113.9", address: "203.0.113.9", userAgent: "SpamBot/1.0" },
  );
  assert.equal(created.status, "pending");
  const row = await stored(created.id);
  assert.equal(row.status, "spam");
  assert.deepEqual(parseHeldBy(row.heldBy), [{ rule: "spam_check", detail: "spam" }]);
  assert.equal(await db.notification.count(), 0);
  // What the service was told: the form fields of comment-check.
  const form = received.at(-1)!;
  assert.deepEqual(
    Object.fromEntries(
      [
        "api_key",
        "blog",
        "user_ip",
        "user_agent",
        "comment_type",
        "comment_author",
        "comment_author_email",
        "comment_content",
        "permalink",
        "blog_lang",
      ].map((key) => [key, form.get(key)]),
    ),
    {
      api_key: "stand-in-key",
      blog: "http://localhost:3999/carnet",
      user_ip: "203.0.113.9",
      user_agent: "SpamBot/1.0",
      comment_type: "comment",
      comment_author: "Bot",
      comment_author_email: "bot@example.test",
      comment_content: "Cheap pills",
      permalink: "http://localhost:3999/carnet/premier",
      blog_lang: "fr",
    },
  );
});

test("spam check: 'false' publishes a signed-in reader's comment", async () => {
  const { reader, post } = await scene();
  const created = await createComment(reader, { postId: post.id, body: "Merci pour l'article." });
  assert.equal(created.status, "approved");
  assert.equal((await stored(created.id)).heldBy, null);
  assert.equal(received.length, 1);
});

test("spam check: a failing, nonsensical or unreachable service holds the comment (never lost)", async () => {
  const { reader, post } = await scene();
  for (const failure of ["error", "nonsense", "drop"] as const) {
    mode = failure;
    const created = await createComment(reader, { postId: post.id, body: `Bonjour (${failure})` });
    assert.equal(created.status, "pending", failure);
    const row = await stored(created.id);
    assert.equal(row.status, "pending", failure);
    assert.deepEqual(parseHeldBy(row.heldBy), [{ rule: "spam_check", detail: "unavailable" }], failure);
  }
});

test("spam check: skipped when the blog turns it off, for the blog's staff, and after a honeypot or reject word", async () => {
  const { reader, owner, post } = await scene(false);
  mode = "spam";
  assert.equal((await createComment(reader, { postId: post.id, body: "Off here" })).status, "approved");
  await db.blog.updateMany({ data: { spamCheck: true, rejectWords: "interdit" } });
  const staff = { id: owner.id, role: owner.role, name: owner.name };
  assert.equal((await createComment(staff, { postId: post.id, body: "Owner speaking" })).status, "approved");
  await createComment(reader, { postId: post.id, body: "trap" }, { honeypot: "x" });
  await assert.rejects(createComment(reader, { postId: post.id, body: "mot interdit" }));
  assert.equal(received.length, 0, "the service was never asked");
});

test("spam check: the guarded client refuses loopback unless FETCH_ALLOW lists it: unavailable", async () => {
  const input = {
    blogUrl: "http://localhost:3999/carnet",
    permalink: "http://localhost:3999/carnet/premier",
    language: "fr",
    userIp: null,
    userAgent: null,
    authorName: "Léa",
    authorEmail: null,
    content: "Bonjour",
  };
  assert.equal(await checkSpam(input), "ham");
  // The same stand-in on an address FETCH_ALLOW does not list (127.0.0.2 reaches lo too).
  const refused = await checkSpam(input, { config: { key: "stand-in-key", url: `http://127.0.0.2:${port}` } });
  assert.equal(refused, "unavailable");
  assert.equal(received.length, 1, "nothing reached the stand-in");
  assert.match(warnings.at(-1) ?? "", /127\.0\.0\.2.*(loopback|not public|refus)/i);
});
