import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { FetchError, guardedFetch } from "@/lib/http";
import { defineJob } from "@/lib/jobs";
import { pagesChanged } from "@/lib/page-cache";
import { readSource, type SourceReading } from "./source";
import { resolveTargetPost } from "./target";

/** Fetch failures that no retry can fix: the source is refused or malformed, not merely down. */
const FINAL_FETCH_ERRORS = new Set([
  "INVALID_REQUEST",
  "SCHEME",
  "CREDENTIALS",
  "REFUSED_ADDRESS",
  "REDIRECTS",
  "TOO_LARGE",
]);

type Outcome = { status: "accepted"; reading: SourceReading } | { status: "rejected" | "deleted"; error: string };

/** fetchOutcome: the source fetched through the guarded client, read against the target. */
async function fetchOutcome(source: string, target: string, wasAccepted: boolean): Promise<Outcome> {
  let response;
  try {
    response = await guardedFetch(source, { headers: { accept: "text/html, application/xhtml+xml;q=0.9, */*;q=0.5" } });
  } catch (error) {
    if (error instanceof FetchError && FINAL_FETCH_ERRORS.has(error.code))
      return { status: "rejected", error: `The source could not be fetched (${error.code}).` };
    throw error; // DNS, timeout, network: try again later
  }
  const gone = wasAccepted ? "deleted" : "rejected";
  if (response.status === 410) return { status: gone, error: "The source is gone (410)." };
  if (response.status >= 500) throw new Error(`The source answered ${response.status}`);
  if (response.status >= 400) return { status: gone, error: `The source answered ${response.status}.` };
  if (response.status >= 300) return { status: "rejected", error: `The source answered ${response.status}.` };
  const type = response.headers.get("content-type") ?? "";
  if (type && !/html|xml|text\/plain/i.test(type))
    return { status: "rejected", error: `The source is not a web page (${type.split(";")[0]}).` };
  const html = response.text();
  const reading = type.includes("text/plain")
    ? { ...readSource("", response.url, target), linksToTarget: html.includes(target) }
    : readSource(html, response.url, target);
  if (!reading.linksToTarget) return { status: gone, error: "The source does not link to the target." };
  return { status: "accepted", reading };
}

/**
 * verifyWebmention: the durable job behind every received Webmention. Fetches the source (public
 * addresses only), checks that it links to the target, reads its microformats, and shows it on
 * the article: a reply joins the discussion as a comment from another site (held for the blog's
 * moderators), likes, reposts and other mentions are listed with the article. A source that is
 * gone or no longer links takes back what it had shown.
 */
export async function verifyWebmention(id: string, now: Date = new Date()): Promise<void> {
  const mention = await db.webmention.findUnique({ where: { id } });
  if (!mention) return;
  const post = await resolveTargetPost(mention.target);
  const outcome: Outcome = post
    ? await fetchOutcome(mention.source, mention.target, mention.status === "accepted")
    : { status: mention.status === "accepted" ? "deleted" : "rejected", error: "The target is no longer published." };

  if (outcome.status !== "accepted") {
    await db.$transaction(async (tx) => {
      await tx.webmention.update({
        where: { id },
        data: { status: outcome.status, error: outcome.error, verifiedAt: now },
      });
      if (mention.commentId)
        await tx.comment.updateMany({
          where: { id: mention.commentId, status: { not: "deleted" } },
          data: { status: "deleted" },
        });
    });
    if (mention.targetPostId) await pagesChanged(mention.targetPostId);
    return;
  }

  const { reading } = outcome;
  const shown = {
    status: "accepted",
    kind: reading.kind,
    authorName: reading.authorName,
    authorUrl: reading.authorUrl,
    authorPhoto: reading.authorPhoto,
    url: reading.url ?? mention.source,
    title: reading.title,
    contentText: reading.contentText,
    contentHtml: reading.contentHtml,
    publishedAt: reading.publishedAt,
    error: null,
    verifiedAt: now,
  };
  await db.$transaction(async (tx) => {
    let commentId = mention.commentId;
    if (reading.kind === "reply" && post) {
      const body = {
        guestName: reading.authorName ?? new URL(reading.authorUrl ?? mention.source).hostname,
        guestUrl: reading.authorUrl,
        sourceUrl: reading.url ?? mention.source,
        bodySource: reading.contentText ?? "",
        bodyHtml: reading.contentHtml ?? (reading.contentText ? `<p>${escapeHtml(reading.contentText)}</p>` : ""),
      };
      if (commentId) {
        // Sent again: the text follows the source; a moderator's decision stays.
        await tx.comment.updateMany({ where: { id: commentId }, data: { ...body, editedAt: now } });
        await tx.comment.updateMany({ where: { id: commentId, status: "deleted" }, data: { status: "pending" } });
      } else {
        const created = await tx.comment.create({
          data: { postId: post.id, ...body, status: "pending", createdAt: reading.publishedAt ?? now },
          select: { id: true },
        });
        commentId = created.id;
      }
    } else if (commentId) {
      // No longer a reply (the source changed what it is): its comment goes, the mention stays.
      await tx.comment.updateMany({ where: { id: commentId }, data: { status: "deleted" } });
    }
    await tx.webmention.update({ where: { id }, data: { ...shown, commentId, targetPostId: post!.id } });
  });
  await pagesChanged(post!.id);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The verification job (lib/jobs): retried while the source is unreachable, final otherwise. */
export const verifyWebmentionJob = defineJob({
  schema: z.object({ id: z.string().min(1).max(64) }),
  run: ({ id }, { now }) => verifyWebmention(id, now),
  maxAttempts: 6,
});
