// The durable job queue (lib/jobs): jobs survive in the database, run once, retry with backoff,
// fail for good when they cannot succeed, and are taken back when their runner died.
import assert from "node:assert/strict";
import { after, beforeEach, test } from "node:test";
import { z } from "zod";
import { db, disconnectDb } from "@/lib/db";
import {
  backoffMs,
  defineJob,
  enqueueJob,
  PermanentJobError,
  runDueJobs,
  STALE_LOCK_MS,
  type JobHandlers,
} from "@/lib/jobs";
import { resetDb } from "../setup/db";

beforeEach(() => resetDb());
after(() => disconnectDb());

const seen: string[] = [];
let failuresLeft = 0;
const handlers: JobHandlers = {
  "test.echo": defineJob({
    schema: z.object({ word: z.string() }),
    run: async ({ word }) => {
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new Error(`not yet: ${word}`);
      }
      seen.push(word);
    },
    maxAttempts: 3,
  }),
  "test.doomed": defineJob({
    schema: z.object({}),
    run: async () => {
      throw new PermanentJobError("this can never work");
    },
  }),
};

const job = (id: string) => db.job.findUniqueOrThrow({ where: { id } });

test("a job runs once, in order, and is done", async () => {
  seen.length = 0;
  const t0 = new Date();
  const first = await enqueueJob(db, "test.echo", { word: "un" });
  await enqueueJob(db, "test.echo", { word: "deux" });
  await enqueueJob(db, "test.echo", { word: "plus tard" }, { runAt: new Date(t0.getTime() + 60_000) });
  assert.deepEqual(await runDueJobs(handlers, { now: new Date(t0.getTime() + 1000) }), {
    done: 2,
    retried: 0,
    failed: 0,
  });
  assert.deepEqual(seen, ["un", "deux"]);
  assert.equal((await job(first)).status, "done");
  assert.deepEqual(await runDueJobs(handlers, { now: new Date(t0.getTime() + 1000) }), {
    done: 0,
    retried: 0,
    failed: 0,
  });
  await runDueJobs(handlers, { now: new Date(t0.getTime() + 61_000) });
  assert.deepEqual(seen, ["un", "deux", "plus tard"]);
});

test("a failure is retried after a growing delay, then kept as failed with its error", async () => {
  seen.length = 0;
  failuresLeft = 5;
  const now = new Date();
  // Due exactly at `now` (a default runAt, read a moment later, could fall after it).
  const id = await enqueueJob(db, "test.echo", { word: "obstiné" }, { runAt: now });
  assert.equal((await runDueJobs(handlers, { now })).retried, 1);
  let row = await job(id);
  assert.deepEqual([row.status, row.attempts, row.lastError], ["queued", 1, "not yet: obstiné"]);
  assert.equal(row.runAt.getTime(), now.getTime() + backoffMs(1));
  // Not before its time.
  assert.equal((await runDueJobs(handlers, { now: new Date(now.getTime() + 1000) })).retried, 0);
  await runDueJobs(handlers, { now: row.runAt });
  row = await job(id);
  assert.equal(row.attempts, 2);
  assert.equal(backoffMs(2), 2 * backoffMs(1));
  await runDueJobs(handlers, { now: row.runAt });
  row = await job(id);
  assert.deepEqual([row.status, row.attempts], ["failed", 3]);
  assert.deepEqual(seen, []);
});

test("a permanent error or a payload that does not parse fails at once", async () => {
  const doomed = await enqueueJob(db, "test.doomed", {});
  const malformed = await enqueueJob(db, "test.echo", { word: 42 });
  assert.deepEqual(await runDueJobs(handlers), { done: 0, retried: 0, failed: 2 });
  assert.equal((await job(doomed)).lastError, "this can never work");
  assert.match((await job(malformed)).lastError ?? "", /Invalid payload/);
  await assert.rejects(enqueueJob(db, "Not A Kind", {}));
});

test("two runners at once never run the same job twice; a dead runner's job is taken back", async () => {
  seen.length = 0;
  failuresLeft = 0;
  for (const word of ["a", "b", "c", "d"]) await enqueueJob(db, "test.echo", { word });
  await Promise.all([runDueJobs(handlers), runDueJobs(handlers)]);
  assert.deepEqual([...seen].sort(), ["a", "b", "c", "d"]);

  const id = await enqueueJob(db, "test.echo", { word: "orphan" });
  const crashedAt = new Date();
  await db.job.update({ where: { id }, data: { status: "running", lockedAt: crashedAt, attempts: 1 } });
  await runDueJobs(handlers, { now: new Date(crashedAt.getTime() + 1000) });
  assert.equal((await job(id)).status, "running", "a fresh lock is respected");
  await runDueJobs(handlers, { now: new Date(crashedAt.getTime() + STALE_LOCK_MS + 1000) });
  assert.equal((await job(id)).status, "done");
  assert.ok(seen.includes("orphan"));
});
