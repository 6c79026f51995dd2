// Receiving Webmentions (issue 13): the endpoint validates and answers 202 with a status page;
// the durable job fetches the source on loopback (FETCH_ALLOW lists 127.0.0.1 only), checks the
// link, reads the microformats and shows the mention; a source sent again updates or removes it.
import assert from "node:assert/strict";
import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, test } from "node:test";

// Set before the app's modules read their configuration (imported below, dynamically).
process.env.FETCH_ALLOW = "127.0.0.1";
process.env.NEXTAUTH_URL = "http://tribune.test";

const { db, disconnectDb } = await import("@/lib/db");
const { runDueJobs } = await import("@/lib/jobs");
const { JOB_HANDLERS } = await import("@/lib/background");
const { POST: endpoint } = await import("@/app/api/webmention/route");
const { GET: statusPage } = await import("@/app/api/webmention/[id]/route");
const { getPublicPost } = await import("@/lib/posts");
const { createBlog, createPost, createUser } = await import("../factories");
const { resetDb } = await import("../setup/db");

// The other site: pages whose content the tests change between sends.
const pages = new Map<string, { status: number; type?: string; body: string }>();
let server: Server;
let site = "";
before(async () => {
  server = http.createServer((req, res) => {
    const page = pages.get(req.url ?? "/") ?? { status: 404, body: "not found" };
    res.writeHead(page.status, { "content-type": page.type ?? "text/html; charset=utf-8" });
    res.end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.close();
  await disconnectDb();
});

let target = "";
let postId = "";
beforeEach(async () => {
  await resetDb();
  pages.clear();
  const owner = await createUser({ name: "Josée Lavoie" });
  const blog = await createBlog({ slug: "carnet", ownerId: owner.id, language: "fr" });
  const post = await createPost({ blogId: blog.id, authorId: owner.id, slug: "la-reponse", title: "La réponse" });
  await createPost({ blogId: blog.id, authorId: owner.id, slug: "brouillon", status: "draft" });
  target = "http://tribune.test/carnet/la-reponse";
  postId = post.id;
});

// Requests reach the handler without serve.ts's stamp: every one counts as the same client.
async function send(fields: Record<string, string>) {
  const response = await endpoint(
    new Request("http://tribune.test/api/webmention", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields),
    }),
  );
  return { status: response.status, location: response.headers.get("location"), text: await response.text() };
}

async function status(location: string) {
  const id = location.split("/").pop()!;
  const response = await statusPage(new Request(location), { params: Promise.resolve({ id }) });
  return (await response.json()) as { status: string; kind: string; error: string | null };
}

const reply = (text: string) => `<!doctype html><html><body>
  <article class="h-entry">
    <div class="p-author h-card"><a class="p-name u-url" href="${site}/">Sylvain Dionne</a></div>
    <a class="u-in-reply-to" href="${target}">En réponse à Josée</a>
    <div class="e-content"><p>${text}</p></div>
    <time class="dt-published" datetime="2026-11-29T10:00:00Z">hier</time>
  </article></body></html>`;

test("invalid requests get 400 with the reason, and nothing is stored", async () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ target }, /source field is missing/],
    [{ source: `${site}/a` }, /target field is missing/],
    [{ source: "ftp://x.example/a", target }, /absolute http or https/],
    [{ source: "/relative", target }, /absolute http or https/],
    [{ source: target, target: `${target}#comments` }, /same page/],
    [{ source: `${site}/a`, target: "https://elsewhere.example/carnet/la-reponse" }, /not a published article/],
    [{ source: `${site}/a`, target: "http://tribune.test/carnet/brouillon" }, /not a published article/],
    [{ source: `${site}/a`, target: "http://tribune.test/carnet/nulle-part" }, /not a published article/],
    [{ source: `${site}/a`, target: "http://tribune.test/search" }, /not a published article/],
  ];
  for (const [fields, reason] of cases) {
    const answer = await send(fields);
    assert.equal(answer.status, 400, JSON.stringify(fields));
    assert.match(answer.text, reason);
  }
  assert.equal(await db.webmention.count(), 0);
  assert.equal(await db.job.count(), 0);
});

test("a body past 8 KB is refused unread, with or without Content-Length", async () => {
  const big = new TextEncoder().encode(`source=${"a".repeat(9000)}&target=${target}`);
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(big);
      controller.close();
    },
  });
  const chunked = await endpoint(
    new Request("http://tribune.test/api/webmention", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: stream,
      duplex: "half",
    } as RequestInit),
  );
  assert.equal(chunked.status, 413);
  assert.equal(await db.webmention.count(), 0);
});

test("a reply is accepted after verification and joins the discussion, held for moderators", async () => {
  pages.set("/merci", { status: 200, body: reply("Merci d’avoir cité mon article !") });
  const answer = await send({ source: `${site}/merci`, target });
  assert.equal(answer.status, 202);
  assert.match(answer.location ?? "", /^http:\/\/tribune\.test\/api\/webmention\/\w+$/);
  assert.equal((await status(answer.location!)).status, "pending");

  assert.equal((await runDueJobs(JOB_HANDLERS)).done, 1);
  const shown = await status(answer.location!);
  assert.deepEqual([shown.status, shown.kind], ["accepted", "reply"]);
  const mention = await db.webmention.findFirstOrThrow();
  assert.equal(mention.authorName, "Sylvain Dionne");
  assert.equal(mention.targetPostId, postId);
  const comment = await db.comment.findUniqueOrThrow({ where: { id: mention.commentId! } });
  assert.deepEqual(
    [comment.postId, comment.status, comment.guestName, comment.guestUrl, comment.sourceUrl],
    [postId, "pending", "Sylvain Dionne", `${site}/`, `${site}/merci`],
  );
  assert.equal(comment.bodyHtml, "<p>Merci d’avoir cité mon article !</p>");
  // The blog's owner hears that a comment waits for moderation.
  const owner = await db.membership.findFirstOrThrow({ where: { role: "owner" } });
  assert.equal(await db.notification.count({ where: { userId: owner.userId, kind: "comment_held" } }), 1);

  // Sent again with new text: the comment follows; sent again once the link is gone: removed.
  pages.set("/merci", { status: 200, body: reply("Merci encore, et bravo !") });
  assert.equal((await send({ source: `${site}/merci`, target })).status, 202);
  await runDueJobs(JOB_HANDLERS);
  assert.equal(
    (await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).bodySource,
    "Merci encore, et bravo !",
  );
  assert.equal(await db.webmention.count(), 1, "the same source and target stay one mention");

  pages.set("/merci", { status: 200, body: "<p>Plus de lien ici.</p>" });
  await send({ source: `${site}/merci`, target });
  await runDueJobs(JOB_HANDLERS);
  assert.equal((await status(answer.location!)).status, "deleted");
  assert.equal((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).status, "deleted");
});

test("a reply to a locked discussion is listed with the article, not added to it", async () => {
  await db.post.update({ where: { id: postId }, data: { lockedAt: new Date() } });
  pages.set("/tard", { status: 200, body: reply("Trop tard ?") });
  const answer = await send({ source: `${site}/tard`, target });
  await runDueJobs(JOB_HANDLERS);
  assert.equal((await status(answer.location!)).status, "accepted");
  assert.equal(await db.comment.count(), 0);
  const blog = await db.blog.findUniqueOrThrow({ where: { slug: "carnet" } });
  const { web } = (await getPublicPost(blog.id, "la-reponse"))!;
  assert.deepEqual(
    web.mentions.map((m) => [m.kind, m.author.name]),
    [["mention", "Sylvain Dionne"]],
  );
});

test("likes and plain mentions are listed, not added to the discussion; 410 Gone removes them", async () => {
  pages.set("/aime", {
    status: 200,
    body: `<div class="h-entry"><span class="p-author h-card"><span class="p-name">Élise</span></span>
      <a class="u-like-of" href="${target}">♥</a></div>`,
  });
  pages.set("/cite", {
    status: 200,
    body: `<div class="h-entry"><p class="e-content">Lire <a href="${target}">ceci</a></p></div>`,
  });
  const like = await send({ source: `${site}/aime`, target });
  const cite = await send({ source: `${site}/cite`, target });
  await runDueJobs(JOB_HANDLERS);
  assert.deepEqual([(await status(like.location!)).kind, (await status(cite.location!)).kind], ["like", "mention"]);
  assert.equal(await db.comment.count(), 0);
  // The article's author hears of each, once.
  const told = await db.notification.findMany({ where: { kind: "citation" }, select: { detail: true } });
  assert.equal(told.length, 2);
  assert.ok(told.some((n) => n.detail?.includes('"name":"Élise"')));
  // The article shows them: the like as a face, the mention beside "Cité par".
  const blog = await db.blog.findUniqueOrThrow({ where: { slug: "carnet" } });
  const { web } = (await getPublicPost(blog.id, "la-reponse"))!;
  assert.deepEqual(
    web.likes.map((m) => [m.author.name, m.url]),
    [["Élise", `${site}/aime`]],
  );
  assert.deepEqual(
    web.mentions.map((m) => [m.kind, m.url, m.excerpt]),
    [["mention", `${site}/cite`, "Lire ceci"]],
  );
  pages.set("/aime", { status: 410, body: "gone" });
  await send({ source: `${site}/aime`, target });
  await runDueJobs(JOB_HANDLERS);
  assert.equal((await status(like.location!)).status, "deleted");
  assert.deepEqual((await getPublicPost(blog.id, "la-reponse"))!.web.likes, [], "a gone source is no longer shown");
});

test("a source that does not link, is not a page, or lies on a refused address is rejected with the reason", async () => {
  pages.set("/sans-lien", { status: 200, body: `<p>Rien sur <a href="http://tribune.test/carnet">le carnet</a>.</p>` });
  pages.set("/image", { status: 200, type: "image/png", body: "PNG" });
  const noLink = await send({ source: `${site}/sans-lien`, target });
  const image = await send({ source: `${site}/image`, target });
  const missing = await send({ source: `${site}/absent`, target });
  // 127.0.0.2 is loopback too, and FETCH_ALLOW names only 127.0.0.1.
  const refused = await send({ source: site.replace("127.0.0.1", "127.0.0.2") + "/merci", target });
  await runDueJobs(JOB_HANDLERS);
  const seen = await Promise.all([noLink, image, missing, refused].map((a) => status(a.location!)));
  assert.deepEqual(
    seen.map((s) => s.status),
    ["rejected", "rejected", "rejected", "rejected"],
  );
  assert.match(seen[0]!.error ?? "", /does not link/);
  assert.match(seen[1]!.error ?? "", /not a web page/);
  assert.match(seen[2]!.error ?? "", /404/);
  assert.match(seen[3]!.error ?? "", /REFUSED_ADDRESS/);
});

test("one source host cannot flood the queue", async () => {
  const answers = [];
  const flooder = site.replace("127.0.0.1", "localhost");
  for (let i = 0; i < 32; i++) answers.push((await send({ source: `${flooder}/page-${i}`, target })).status);
  assert.deepEqual(answers.slice(0, 30), Array(30).fill(202));
  assert.equal(answers[31], 429);
});
