// Issue 12, item 3: the workers of one `npm start` (node:cluster, no Redis) share live events,
// page-cache invalidations and rate-limit counts through their primary — here, this process.
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
    const worker = cluster.fork({ REDIS_URL: "" });
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
