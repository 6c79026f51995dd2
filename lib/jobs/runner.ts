import "server-only";
import type { ZodType } from "zod";
import { db } from "@/lib/db";

/**
 * The durable job runner. Jobs live in the database (model Job): claimed one at a time with a
 * guarded update (status queued → running), so several app instances on one PostgreSQL never
 * run a job twice at once; a job whose instance died while running it is claimed again once its
 * lock is stale. A failure is retried with exponential backoff until the kind's attempts run
 * out, then kept as "failed" with its last error (never silently dropped).
 */

export type JobHandler<T = unknown> = {
  /** Validates the stored payload; a payload that does not parse fails the job at once. */
  schema: ZodType<T>;
  run: (payload: T, context: { jobId: string; attempt: number; now: Date }) => Promise<void>;
  /** Default 6. */
  maxAttempts?: number;
};

export type JobHandlers = Record<string, JobHandler<unknown>>;

/** defineJob: a handler typed by its schema, stored among handlers of other payloads. */
export function defineJob<T>(handler: JobHandler<T>): JobHandler<unknown> {
  return handler as unknown as JobHandler<unknown>;
}

/** PermanentJobError: a failure that no retry can fix (the job fails at once). */
export class PermanentJobError extends Error {}

/** Running longer than this, a job's lock is stale: its instance is presumed dead. */
export const STALE_LOCK_MS = 10 * 60_000;

/** backoffMs: 30 s, 1 min, 2 min, … capped at 6 hours. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 6 * 3600_000);
}

export type RunSummary = { done: number; retried: number; failed: number };

/**
 * runDueJobs: claims and runs the jobs due at `now` (at most `limit`), one after the other.
 * Tests call it directly with an injected clock; the server's loop calls it on a timer.
 */
export async function runDueJobs(
  handlers: JobHandlers,
  options: { now?: Date; limit?: number } = {},
): Promise<RunSummary> {
  const now = options.now ?? new Date();
  const summary: RunSummary = { done: 0, retried: 0, failed: 0 };
  await db.job.updateMany({
    where: { status: "running", lockedAt: { lt: new Date(now.getTime() - STALE_LOCK_MS) } },
    data: { status: "queued", lockedAt: null },
  });
  const due = await db.job.findMany({
    where: { status: "queued", runAt: { lte: now }, kind: { in: Object.keys(handlers) } },
    orderBy: [{ runAt: "asc" }, { id: "asc" }],
    take: options.limit ?? 10,
    select: { id: true, kind: true, payload: true, attempts: true },
  });
  for (const job of due) {
    const claimed = await db.job.updateMany({
      where: { id: job.id, status: "queued" },
      data: { status: "running", lockedAt: now, attempts: { increment: 1 } },
    });
    if (claimed.count !== 1) continue; // another instance took it
    const attempt = job.attempts + 1;
    const handler = handlers[job.kind]!;
    try {
      const payload = handler.schema.safeParse(JSON.parse(job.payload));
      if (!payload.success) throw new PermanentJobError(`Invalid payload: ${payload.error.message}`);
      await handler.run(payload.data, { jobId: job.id, attempt, now });
      await db.job.update({ where: { id: job.id }, data: { status: "done", lockedAt: null, lastError: null } });
      summary.done++;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const giveUp = error instanceof PermanentJobError || attempt >= (handler.maxAttempts ?? 6);
      await db.job.update({
        where: { id: job.id },
        data: giveUp
          ? { status: "failed", lockedAt: null, lastError: message }
          : {
              status: "queued",
              lockedAt: null,
              lastError: message,
              runAt: new Date(now.getTime() + backoffMs(attempt)),
            },
      });
      if (giveUp) summary.failed++;
      else summary.retried++;
    }
  }
  return summary;
}

/** purgeFinishedJobs: done jobs older than `days` go (failed ones stay for the operator). */
async function purgeFinishedJobs(now: Date = new Date(), days = 14): Promise<number> {
  const { count } = await db.job.deleteMany({
    where: { status: "done", updatedAt: { lt: new Date(now.getTime() - days * 86_400_000) } },
  });
  return count;
}

/**
 * startJobRunner: polls every `pollMs` (a timer that never keeps the process alive) and runs
 * what is due; one pass at a time. Returns a function that stops it.
 */
export function startJobRunner(handlers: JobHandlers, pollMs: number): () => void {
  let running = false;
  let passes = 0;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      let summary: RunSummary;
      do summary = await runDueJobs(handlers);
      while (summary.done + summary.retried + summary.failed >= 10);
      if (++passes % 1000 === 0) await purgeFinishedJobs();
    } catch (error) {
      console.error("Job runner:", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), pollMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
