import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/db";

/** A job kind: dotted lower-case words, e.g. "webmention.verify". */
const JobKindSchema = z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/);

/** The payload of a job is JSON text; each kind validates its own with zod when it runs. */
const MAX_PAYLOAD_CHARS = 16_000;

/**
 * enqueueJob: a durable job, written with the caller's client (inside its transaction when the
 * job must exist exactly when the change does). It runs at `runAt` (default now) in whichever
 * app instance claims it first, and survives restarts.
 */
export async function enqueueJob(
  client: Tx,
  kind: string,
  payload: unknown,
  options: { runAt?: Date } = {},
): Promise<string> {
  const text = JSON.stringify(payload ?? null);
  if (text.length > MAX_PAYLOAD_CHARS) throw new Error(`Job payload too large (${text.length} characters)`);
  const job = await client.job.create({
    data: { kind: JobKindSchema.parse(kind), payload: text, runAt: options.runAt ?? new Date() },
    select: { id: true },
  });
  return job.id;
}
