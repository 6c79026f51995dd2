import "server-only";
import { z } from "zod";
import { appUrl } from "@/lib/auth/app-url";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs";
import { consume } from "@/lib/security";
import { resolveTargetPost } from "./target";

/** The job kind that verifies a received Webmention. */
export const VERIFY_JOB = "webmention.verify";

const MAX_URL = 2048;

const httpUrl = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(MAX_URL, "webmention.urlTooLong")
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "http:" || url.protocol === "https:") && !url.username && !url.password;
      } catch {
        return false;
      }
    }, "webmention.notHttp");

/** The endpoint's form: `source` and `target`, absolute http(s) URLs, not the same page. */
const WebmentionRequestSchema = z
  .object({ source: httpUrl("webmention.sourceMissing"), target: httpUrl("webmention.targetMissing") })
  .refine(({ source, target }) => stripHash(source) !== stripHash(target), {
    message: "webmention.sameUrl",
    path: ["source"],
  });

function stripHash(value: string): string {
  try {
    const url = new URL(value);
    url.hash = "";
    return url.toString();
  } catch {
    return value;
  }
}

/** statusUrl: where the sender reads what became of its Webmention. */
function webmentionStatusUrl(id: string): string {
  return appUrl(`/api/webmention/${id}`);
}

/**
 * receiveWebmention: validates a Webmention (W3C, §3.2) and queues its verification; nothing is
 * fetched while the sender waits. The target must be a published article of this instance
 * (through old addresses too). Limited per source host and per client address (the address the
 * server read from the socket). Sending the same source and target again re-verifies it: that is
 * how a sender reports an update or a deletion.
 */
export async function receiveWebmention(
  input: { source?: unknown; target?: unknown },
  client: { address: string },
): Promise<{ id: string; statusUrl: string }> {
  const parsed = WebmentionRequestSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]!.message);
  const { source, target } = parsed.data;
  await consume("webmentionAddress", client.address);
  await consume("webmention", new URL(source).hostname.toLowerCase());
  const post = await resolveTargetPost(target);
  if (!post) throw new AppError("INVALID_INPUT", "webmention.targetUnknown");
  const id = await db.$transaction(async (tx) => {
    const row = await tx.webmention.upsert({
      where: { source_target: { source, target } },
      create: { source, target, targetPostId: post.id },
      update: { targetPostId: post.id, error: null },
      select: { id: true },
    });
    await enqueueJob(tx, VERIFY_JOB, { id: row.id });
    return row.id;
  });
  return { id, statusUrl: webmentionStatusUrl(id) };
}

/** webmentionStatus: what the status page shows (pending, accepted, rejected or deleted, and why). */
export async function webmentionStatus(id: string) {
  const row = await db.webmention.findUnique({
    where: { id },
    select: { id: true, source: true, target: true, status: true, kind: true, error: true, verifiedAt: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  return row;
}
