import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, test } from "node:test";
import { Redis } from "ioredis";
import { createLiveBus, liveEventStream, type LiveBus, type LiveEvent, type PagesChanged } from "@/lib/live";

const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const prefix = `tribune_test_${randomBytes(4).toString("hex")}`;
const buses: LiveBus[] = [];
after(async () => {
  await Promise.all(buses.map((bus) => bus.close()));
});

const created = (postId: string, commentId: string): LiveEvent => ({
  type: "comment.created",
  postId,
  commentId,
  parentId: null,
});

function collect(bus: LiveBus, postId: string) {
  const events: LiveEvent[] = [];
  const waiters: (() => void)[] = [];
  const ready = bus.subscribe(postId, (event) => {
    events.push(event);
    waiters.splice(0).forEach((wake) => wake());
  });
  const until = async (count: number) => {
    const deadline = Date.now() + 5000;
    while (events.length < count) {
      if (Date.now() > deadline) throw new Error(`waited for ${count} events, got ${events.length}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  };
  return { events, ready, until };
}

test("live bus in memory: listeners of an article get its events only, until they leave", async () => {
  const bus = createLiveBus();
  buses.push(bus);
  const a = collect(bus, "post-a");
  const b = collect(bus, "post-b");
  const stopA = await a.ready;
  await b.ready;
  await bus.publish(created("post-a", "c1"));
  await bus.publish({ type: "comment.removed", postId: "post-b", commentId: "c2" });
  assert.deepEqual(a.events, [created("post-a", "c1")]);
  assert.deepEqual(b.events, [{ type: "comment.removed", postId: "post-b", commentId: "c2" }]);
  await stopA();
  await bus.publish(created("post-a", "c3"));
  assert.equal(a.events.length, 1);
});

test("live bus over Redis: two instances share events on the prefixed channel", { timeout: 15_000 }, async () => {
  const one = createLiveBus({ redisUrl, prefix });
  const two = createLiveBus({ redisUrl, prefix });
  buses.push(one, two);
  await Promise.all([one.ready(), two.ready()]);
  const onTwo = collect(two, "post-r");
  const onOne = collect(one, "post-r");
  const stopTwo = await onTwo.ready;
  await onOne.ready;

  const spy = new Redis(redisUrl);
  const heard: string[] = [];
  await spy.subscribe(`${prefix}:live:post:post-r`);
  spy.on("message", (channel: string) => heard.push(channel));

  await one.publish(created("post-r", "c1"));
  await two.publish({ type: "comment.edited", postId: "post-r", commentId: "c1" });
  await onTwo.until(2);
  await onOne.until(2);
  assert.deepEqual(onTwo.events, [
    created("post-r", "c1"),
    { type: "comment.edited", postId: "post-r", commentId: "c1" },
  ]);
  assert.equal(onOne.events.length, 2, "the publishing instance hears its own event once");
  assert.ok(heard.length >= 1);

  await stopTwo();
  await one.publish(created("post-r", "c9"));
  await onOne.until(3);
  assert.equal(onTwo.events.length, 2, "an unsubscribed listener hears nothing more");
  await spy.quit();
});

test(
  "live SSE stream: events, heartbeat, and the subscription ends with the request",
  { timeout: 10_000 },
  async () => {
    const controller = new AbortController();
    const response = liveEventStream("post-sse", controller.signal, { heartbeatMs: 50 });
    assert.equal(response.headers.get("content-type"), "text/event-stream; charset=utf-8");
    assert.match(response.headers.get("cache-control") ?? "", /no-store/);
    assert.equal(response.headers.get("x-accel-buffering"), "no");
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
    };
    await readUntil(/: connected/);
    const { publishLive } = await import("@/lib/live");
    await publishLive(created("post-sse", "c42"));
    await readUntil(/event: comment\.created\ndata: .*"c42"/);
    await readUntil(/: ping/);
    controller.abort();
    const end = await reader.read();
    assert.equal(end.done, true);
    const { closeLiveBus } = await import("@/lib/live");
    await closeLiveBus();
  },
);

test("page changes reach every instance's page cache, in memory and over Redis", { timeout: 15_000 }, async () => {
  const memory = createLiveBus();
  const pagesPrefix = `${prefix}_pages`;
  const [one, two] = [
    createLiveBus({ redisUrl, prefix: pagesPrefix }),
    createLiveBus({ redisUrl, prefix: pagesPrefix }),
  ];
  buses.push(memory, one!, two!);
  for (const [publisher, listener] of [
    [memory, memory],
    [one!, two!],
  ] as const) {
    await Promise.all([publisher.ready(), listener.ready()]);
    const heard: PagesChanged[] = [];
    const stop = await listener.subscribePages((event) => heard.push(event));
    await publisher.publishPages({ type: "pages.changed", postId: "post-p", from: "instance-1" });
    await publisher.publishPages({ type: "pages.changed", from: "instance-1" });
    const deadline = Date.now() + 5000;
    while (heard.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(heard, [
      { type: "pages.changed", postId: "post-p", from: "instance-1" },
      { type: "pages.changed", from: "instance-1" },
    ]);
    await stop();
  }
});
