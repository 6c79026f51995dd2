// Live streams over real sockets, through the route handler (GET /api/live/posts/{id}) behind
// the same address stamping as scripts/serve.ts: open streams are capped per client address and
// in total, the refusal says why, and every way a stream ends gives its slot back.
import assert from "node:assert/strict";
import http, { type ClientRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";

// Small caps for this process (read once, when lib/env.js is first imported below).
process.env.LIVE_STREAMS_PER_CLIENT = "3";
process.env.LIVE_STREAMS_TOTAL = "5";
delete process.env.REDIS_URL;

const { GET } = await import("@/app/api/live/posts/[id]/route");
const { closeLiveBus, liveEventStream, liveStreamSlots, publishLive } = await import("@/lib/live");
const { disconnectDb } = await import("@/lib/db");
const { stampClientAddress } = await import("@/lib/security");
const { createBlog, createPost, createUser } = await import("../factories");
const { resetDb } = await import("../setup/db");

let server: Server;
let port = 0;
let postId = "";

// What Next does for a route handler: a Request whose signal aborts when the client leaves, and
// the Response body written out until it ends (cancelled when the client leaves).
async function serve(req: IncomingMessage, res: http.ServerResponse) {
  stampClientAddress(req, 0);
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const request = new Request(`http://127.0.0.1:${port}${req.url}`, { headers, signal: controller.signal });
  const id = decodeURIComponent(req.url!.split("/").pop()!);
  const response = await GET(request, { params: Promise.resolve({ id }) });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void res.end();
  const reader = response.body.getReader();
  res.on("close", () => void reader.cancel().catch(() => undefined));
  for (;;) {
    const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
    if (done) break;
    res.write(value);
  }
  res.end();
}

before(async () => {
  await resetDb();
  const author = await createUser();
  const blog = await createBlog({ ownerId: author.id });
  postId = (await createPost({ blogId: blog.id, authorId: author.id })).id;
  server = http.createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await closeLiveBus();
  await disconnectDb();
});

type Opened = { request: ClientRequest; response: IncomingMessage; text: () => string; ended: Promise<void> };

/** open: a stream from the loopback address `from` (127.0.0.x: a different client each), once its head arrived. */
function open(from: string, id = postId): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const request = http.get({
      host: "127.0.0.1",
      port,
      path: `/api/live/posts/${id}`,
      localAddress: from,
      agent: false,
    });
    request.on("error", reject);
    request.on("response", (response) => {
      let text = "";
      response.setEncoding("utf8");
      const ended = new Promise<void>((done) => {
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", done);
        response.on("close", done);
      });
      resolve({ request, response, text: () => text, ended });
    });
  });
}

async function until(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
const openCount = () => liveStreamSlots().counts().total;

test(
  "live streams: capped per client address (429) and in total (503), counts back to zero when clients leave",
  { timeout: 20_000 },
  async () => {
    const first = await Promise.all([1, 2, 3].map(() => open("127.0.0.2")));
    for (const stream of first) {
      assert.equal(stream.response.statusCode, 200);
      assert.equal(stream.response.headers["content-type"], "text/event-stream; charset=utf-8");
    }
    await until(() => first.every((stream) => /retry: \d+/.test(stream.text())));

    const refused = await open("127.0.0.2");
    assert.equal(refused.response.statusCode, 429);
    assert.ok(Number(refused.response.headers["retry-after"]) > 0);
    await refused.ended;
    const reason = JSON.parse(refused.text()) as { error: string; message: string };
    assert.equal(reason.error, "RATE_LIMITED");
    assert.match(reason.message, /Too many live streams/);

    // Other addresses still get theirs, up to the total.
    const others = await Promise.all([open("127.0.0.3"), open("127.0.0.4")]);
    assert.deepEqual(
      others.map((stream) => stream.response.statusCode),
      [200, 200],
    );
    assert.equal(openCount(), 5);
    const full = await open("127.0.0.5");
    assert.equal(full.response.statusCode, 503);
    assert.ok(Number(full.response.headers["retry-after"]) > 0);
    await full.ended;
    assert.equal((JSON.parse(full.text()) as { error: string }).error, "UNAVAILABLE");
    assert.deepEqual(liveStreamSlots().counts().clients, { "127.0.0.2": 3, "127.0.0.3": 1, "127.0.0.4": 1 });

    // The streams work: an event reaches them.
    await publishLive({ type: "comment.created", postId, commentId: "c1", parentId: null });
    await until(() => others.every((stream) => stream.text().includes('"c1"')));

    // Clients leave: every slot comes back, and the address may open streams again.
    for (const stream of [...first, ...others]) stream.request.destroy();
    await until(() => openCount() === 0);
    assert.deepEqual(liveStreamSlots().counts().clients, {});
    const again = await open("127.0.0.2");
    assert.equal(again.response.statusCode, 200);
    again.request.destroy();
    await until(() => openCount() === 0);
  },
);

test("live streams: a refused article (404) takes no slot", async () => {
  const missing = await open("127.0.0.6", "no-such-post");
  assert.equal(missing.response.statusCode, 404);
  await missing.ended;
  assert.equal(openCount(), 0);
});

test(
  "live streams: an idle stream is ended by the server, asks the browser to reconnect, and releases once",
  { timeout: 10_000 },
  async () => {
    let releases = 0;
    const controller = new AbortController();
    const response = liveEventStream("post-idle", controller.signal, { idleMs: 200, onClose: () => releases++ });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    assert.match(text, /^retry: \d+\n/);
    assert.match(text, /: idle, reconnect/);
    controller.abort();
    await reader.cancel();
    assert.equal(releases, 1);
  },
);
