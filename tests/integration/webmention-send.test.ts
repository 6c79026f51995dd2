// Sending Webmentions (issue 13): a published article's external links each get one, through the
// durable queue, to the endpoint each site advertises; a version is never sent twice, a link an
// edit removed is told too, a scheduled article's go out when it is published.
import assert from "node:assert/strict";
import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, test } from "node:test";

process.env.FETCH_ALLOW = "127.0.0.1";
process.env.NEXTAUTH_URL = "http://tribune.test";

const { db, disconnectDb } = await import("@/lib/db");
const { runDueJobs } = await import("@/lib/jobs");
const { JOB_HANDLERS } = await import("@/lib/background");
const { syncPostLinks } = await import("@/lib/links");
const { queuePostWebmentions, listSentWebmentions, discoverEndpoint } = await import("@/lib/links/webmention");
const { createBlog, createPost, createUser } = await import("../factories");
const { resetDb } = await import("../setup/db");

type Received = { path: string; source: string; target: string };
const received: Received[] = [];
let flaky = 0;
let server: Server;
let site = "";
before(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fixture");
    const html = (body: string, headers: Record<string, string> = {}) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...headers });
      res.end(`<!doctype html><html><head></head><body>${body}</body></html>`);
    };
    switch (url.pathname) {
      case "/a":
        return html("<p>A</p>", { link: `</endpoint>; rel="webmention"` });
      case "/b":
        res.writeHead(302, { location: "/moved/b" });
        return void res.end();
      case "/moved/b":
        return html(`<!-- <link rel="webmention" href="/false"> --><link rel="webmention" href="endpoint?token=1">`);
      case "/c":
        return html("<p>No endpoint here.</p>");
      case "/d":
        return html(`<a rel="webmention" href="/flaky">e</a>`);
      case "/e":
        return html(`<link rel="webmention" href="/refuses">`);
      case "/endpoint":
      case "/moved/endpoint":
      case "/flaky":
      case "/refuses": {
        let body = "";
        req.on("data", (chunk: Buffer) => (body += chunk.toString()));
        req.on("end", () => {
          const form = new URLSearchParams(body);
          if (url.pathname === "/refuses") {
            res.writeHead(400, { "content-type": "text/plain" });
            return void res.end("Target not found on this site");
          }
          if (url.pathname === "/flaky" && flaky++ === 0) {
            res.writeHead(503);
            return void res.end("busy");
          }
          received.push({
            path: url.pathname + url.search,
            source: form.get("source") ?? "",
            target: form.get("target") ?? "",
          });
          res.writeHead(202, { location: "/status/1" });
          res.end("Accepted");
        });
        return;
      }
      default:
        res.writeHead(404);
        res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.close();
  await disconnectDb();
});
beforeEach(async () => {
  await resetDb();
  received.length = 0;
  flaky = 0;
});

let owner = { id: "", role: "member" };
async function article(links: string[], options: { publishedAt?: Date } = {}) {
  owner = await createUser();
  const blog = await createBlog({ slug: "carnet", ownerId: owner.id });
  const post = await createPost({
    blogId: blog.id,
    authorId: owner.id,
    slug: "billet",
    publishedAt: options.publishedAt,
  });
  await setLinks(post.id, links);
  return post;
}
async function setLinks(postId: string, links: string[]) {
  await db.post.update({
    where: { id: postId },
    data: { bodyHtml: links.map((l) => `<a href="${l}">x</a>`).join(" ") },
  });
  await syncPostLinks(db, postId, links);
}
const statuses = async (postId: string) =>
  Object.fromEntries((await listSentWebmentions(owner, postId)).map((s) => [s.target.replace(site, ""), s.status]));

test("discovery follows redirects and resolves against the final address, query kept", async () => {
  assert.equal(await discoverEndpoint(`${site}/a`), `${site}/endpoint`);
  assert.equal(await discoverEndpoint(`${site}/b`), `${site}/moved/endpoint?token=1`);
  assert.equal(await discoverEndpoint(`${site}/c`), null);
});

test("each external link gets one Webmention; internal links and a repeated save send nothing", async () => {
  const post = await article([
    `${site}/a`,
    `${site}/b`,
    `${site}/c`,
    "http://tribune.test/autre/billet",
    "mailto:x@y.test",
  ]);
  assert.equal(await queuePostWebmentions(post.id), 3);
  await runDueJobs(JOB_HANDLERS);
  const source = "http://tribune.test/carnet/billet";
  assert.deepEqual(received.map((r) => [r.path, r.source, r.target]).sort(), [
    ["/endpoint", source, `${site}/a`],
    ["/moved/endpoint?token=1", source, `${site}/b`],
  ]);
  assert.deepEqual(await statuses(post.id), { "/a": "sent", "/b": "sent", "/c": "no_endpoint" });
  const sent = (await listSentWebmentions(owner, post.id)).find((s) => s.target.endsWith("/a"))!;
  assert.deepEqual([sent.responseStatus, sent.responseText], [202, "Accepted"]);

  assert.equal(await queuePostWebmentions(post.id), 0, "the same version is never sent twice");
  await runDueJobs(JOB_HANDLERS);
  assert.equal(received.length, 2);

  // An edit that drops /a: /b and /c hear of the new version, /a hears that its link is gone.
  await setLinks(post.id, [`${site}/b`, `${site}/c`]);
  assert.equal(await queuePostWebmentions(post.id), 3);
  await runDueJobs(JOB_HANDLERS);
  assert.deepEqual(received.map((r) => r.target.replace(site, "")).sort(), ["/a", "/a", "/b", "/b"]);
});

test("a busy endpoint is tried again later; a refusal is kept with what the site said", async () => {
  const post = await article([`${site}/d`, `${site}/e`]);
  await queuePostWebmentions(post.id);
  const now = new Date();
  await runDueJobs(JOB_HANDLERS, { now });
  assert.deepEqual(await statuses(post.id), { "/d": "queued", "/e": "failed" });
  const refused = (await listSentWebmentions(owner, post.id)).find((s) => s.target.endsWith("/e"))!;
  assert.deepEqual([refused.responseStatus, refused.responseText], [400, "Target not found on this site"]);
  await runDueJobs(JOB_HANDLERS, { now: new Date(now.getTime() + 60_000) });
  assert.deepEqual(await statuses(post.id), { "/d": "sent", "/e": "failed" });
  assert.equal(received.length, 1);
});

test("a scheduled article's Webmentions wait for its publication", async () => {
  const at = new Date(Date.now() + 3600_000);
  const post = await article([`${site}/a`], { publishedAt: at });
  await db.post.update({ where: { id: post.id }, data: { status: "scheduled" } });
  assert.equal(await queuePostWebmentions(post.id), 1);
  await runDueJobs(JOB_HANDLERS);
  assert.equal(received.length, 0);
  await runDueJobs(JOB_HANDLERS, { now: new Date(at.getTime() + 1000) });
  assert.equal(received.length, 1);
});

test("a published comment's external links are sent too, from its permalink; taken down, the site is told", async () => {
  const post = await article([]);
  const reader = await createUser({ name: "Élise Roy" });
  const { createComment, decideComments } = await import("@/lib/comments");
  const comment = await createComment(
    { id: reader.id, role: "member", name: reader.name },
    { postId: post.id, body: `Voir [la source](${site}/a).` },
  );
  await runDueJobs(JOB_HANDLERS);
  assert.deepEqual(
    received.map((r) => [r.source, r.target]),
    [[`http://tribune.test/carnet/billet/c/${comment.id}`, `${site}/a`]],
  );
  await decideComments(owner, { ids: [comment.id], decision: "remove", reason: "hors sujet" });
  await runDueJobs(JOB_HANDLERS);
  assert.equal(received.length, 2, "the linked site hears that the comment is gone");
});
