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

test(
  "live SSE stream: only the reader's own acts carry their tag; nobody's id reaches the browser",
  { timeout: 10_000 },
  async () => {
    const { closeLiveBus, publishLive } = await import("@/lib/live");
    const open = (viewerId?: string) => {
      const controller = new AbortController();
      const reader = liveEventStream("post-actor", controller.signal, { viewerId }).body!.getReader();
      const decoder = new TextDecoder();
      let text = "";
      return {
        abort: () => controller.abort(),
        until: async (pattern: RegExp) => {
          while (!pattern.test(text)) {
            const { value, done } = await reader.read();
            if (done) break;
            text += decoder.decode(value);
          }
          return text;
        },
      };
    };
    const data = (text: string, type: string, commentId: string) =>
      JSON.parse(
        new RegExp(`event: ${type.replace(".", "\\.")}\ndata: (.*"${commentId}".*)\n`).exec(text)![1]!,
      ) as Record<string, unknown>;
    const [ana, ana2, bob, guest] = [open("user-ana"), open("user-ana"), open("user-bob"), open()];
    const tags = await Promise.all(
      [ana, ana2, bob, guest].map(async (stream) => {
        const text = await stream.until(/event: viewer\ndata: .*\n\n/);
        return (JSON.parse(/event: viewer\ndata: (.*)\n/.exec(text)![1]!) as { actor: string | null }).actor;
      }),
    );
    assert.equal(tags[3], null, "a signed-out reader has no tag");
    assert.ok(tags[0] && tags[1] && tags[2]);
    assert.equal(new Set(tags.slice(0, 3)).size, 3, "each stream has its own tag, even for the same person");

    await publishLive({ ...created("post-actor", "by-ana"), actorId: "user-ana" });
    await publishLive({
      type: "comment.removed",
      postId: "post-actor",
      commentId: "removed-by-bob",
      actorId: "user-bob",
    });
    const texts = await Promise.all([ana, ana2, bob, guest].map((stream) => stream.until(/removed-by-bob.*\n\n/)));
    // Ana's comment: marked in both of her tabs, unmarked for Bob and the guest; the reverse for Bob's act.
    assert.equal(data(texts[0]!, "comment.created", "by-ana").actor, tags[0]);
    assert.equal(data(texts[1]!, "comment.created", "by-ana").actor, tags[1]);
    assert.equal(data(texts[2]!, "comment.created", "by-ana").actor, undefined);
    assert.equal(data(texts[3]!, "comment.created", "by-ana").actor, undefined);
    assert.equal(data(texts[0]!, "comment.removed", "removed-by-bob").actor, undefined);
    assert.equal(data(texts[2]!, "comment.removed", "removed-by-bob").actor, tags[2]);
    for (const text of texts) assert.doesNotMatch(text, /user-ana|user-bob|actorId/, "user ids never leave the server");
    [ana, ana2, bob, guest].forEach((stream) => stream.abort());
    await closeLiveBus();
  },
);

test("the actor of an event crosses instances over Redis", { timeout: 10_000 }, async () => {
  const [one, two] = [createLiveBus({ redisUrl, prefix }), createLiveBus({ redisUrl, prefix })];
  buses.push(one, two);
  await Promise.all([one.ready(), two.ready()]);
  const heard = collect(two, "post-actor-redis");
  await heard.ready;
  await one.publish({ ...created("post-actor-redis", "c1"), actorId: "user-ana" });
  await heard.until(1);
  assert.equal(heard.events[0]!.actorId, "user-ana");
});

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
