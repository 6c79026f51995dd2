// Issue 12, items 3 and 6: the workers of one `npm start` (node:cluster, no Redis) share live
// events, page-cache invalidations and rate-limit counts through their primary — here, this
// process; two instances of one site (separate processes with REDIS_URL) share them through Redis.
import assert from "node:assert/strict";
import cluster, { type Worker } from "node:cluster";
import { after, test } from "node:test";
import { RateLimiterClusterMaster } from "rate-limiter-flexible";
import { relayClusterLive } from "@/lib/live/bus";
import { nodeTestArgs } from "../setup/find-tests";

type Reply = { reply: string; seen?: string[]; ok?: boolean };

const workers: Worker[] = [];
after(() => {
  for (const worker of workers) worker.kill();
});

function ask(worker: Worker, command: Record<string, string>, reply: string): Promise<Reply> {
  return new Promise((resolve) => {
    const listener = (message: Reply) => {
      if (message.reply !== reply) return;
      worker.off("message", listener);
      resolve(message);
    };
    worker.on("message", listener);
    worker.send(command);
  });
}

test("two workers: an event published on one reaches both before publish returns; limits count together", async () => {
  new RateLimiterClusterMaster();
  const relay = relayClusterLive(() => workers);
  cluster.on("message", (worker, message: unknown) => relay(worker, message));
  cluster.setupPrimary({ exec: "tests/fixtures/cluster-worker.ts", execArgv: nodeTestArgs, silent: false });
  for (let i = 0; i < 2; i++) {
    const worker = cluster.fork({ REDIS_URL: "", REDIS_PREFIX: "" });
    workers.push(worker);
    await new Promise<void>((resolve) => worker.on("message", (m: Reply) => m.reply === "ready" && resolve()));
  }
  const [a, b] = workers as [Worker, Worker];

  await ask(a, { command: "publish", id: "c1" }, "published");
  // No wait here: publish resolved once every worker had the event.
  assert.deepEqual((await ask(b, { command: "seen" }, "seen")).seen, ["c1", "pages"]);
  assert.deepEqual((await ask(a, { command: "seen" }, "seen")).seen, ["c1", "pages"]);
  await ask(b, { command: "publish", id: "c2" }, "published");
  assert.deepEqual((await ask(a, { command: "seen" }, "seen")).seen, ["c1", "pages", "c2", "pages"]);

  // Sign-up allows 5 an hour per address, across the workers together.
  const outcomes: boolean[] = [];
  for (let i = 0; i < 7; i++)
    outcomes.push(Boolean((await ask(workers[i % 2]!, { command: "consume" }, "consumed")).ok));
  assert.deepEqual(outcomes, [true, true, true, true, true, false, false]);
});

test("two instances with REDIS_URL: events and page changes cross over, limits count together", async () => {
  const prefix = `tribune-test-${process.pid}-${Date.now().toString(36)}`;
  const instances: Worker[] = [];
  for (let i = 0; i < 2; i++) {
    const worker = cluster.fork({ REDIS_URL: process.env.REDIS_URL || "redis://127.0.0.1:6379", REDIS_PREFIX: prefix });
    workers.push(worker);
    instances.push(worker);
    await new Promise<void>((resolve) => worker.on("message", (m: Reply) => m.reply === "ready" && resolve()));
  }
  const [a, b] = instances as [Worker, Worker];
  await ask(a, { command: "publish", id: "r1" }, "published");
  const deadline = Date.now() + 5000;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    seen = (await ask(b, { command: "seen" }, "seen")).seen ?? [];
    if (seen.length >= 2) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.deepEqual(seen, ["r1", "pages"]);
  const outcomes: boolean[] = [];
  for (let i = 0; i < 7; i++)
    outcomes.push(Boolean((await ask(instances[i % 2]!, { command: "consume" }, "consumed")).ok));
  assert.deepEqual(outcomes, [true, true, true, true, true, false, false]);
});
