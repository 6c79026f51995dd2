import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { guardedFetch, isFinalFetchError } from "@/lib/http";
import { defineJob } from "@/lib/jobs";
import { discussionExpired } from "@/lib/auth/policy";
import { noticeHeldComment, screenComment, serializeHeldBy } from "@/lib/moderation";
import { noticeCitation } from "../citation-notices";
import { pagesChanged } from "@/lib/page-cache";
import { commentsChanged } from "@/lib/search";
import { linkedUrls, readSource, type SourceReading } from "./source";
import { resolveTargetPost, type TargetPost } from "./target";

type Outcome = { status: "accepted"; reading: SourceReading } | { status: "rejected" | "deleted"; error: string };

/** fetchOutcome: the source fetched through the guarded client, read against the target. */
async function fetchOutcome(source: string, target: string, wasAccepted: boolean): Promise<Outcome> {
  let response;
  try {
    response = await guardedFetch(source, { headers: { accept: "text/html, application/xhtml+xml;q=0.9, */*;q=0.5" } });
  } catch (error) {
    if (isFinalFetchError(error))
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
async function verifyWebmention(id: string, now: Date = new Date()): Promise<void> {
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
    if (mention.commentId) await commentsChanged([mention.commentId]);
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
  const body = {
    guestName: (reading.authorName ?? new URL(reading.authorUrl ?? mention.source).hostname).slice(0, 100),
    guestUrl: reading.authorUrl,
    sourceUrl: reading.url ?? mention.source,
    bodySource: reading.contentText ?? "",
    bodyHtml: reading.contentHtml ?? (reading.contentText ? `<p>${escapeHtml(reading.contentText)}</p>` : ""),
  };
  // A new reply meets the blog's rules as a guest's comment does: held for moderators (or kept
  // as spam, or refused), and not at all where the discussion is closed or locked.
  const newReply = reading.kind === "reply" && !mention.commentId;
  const screening = newReply ? await screenReply(post!, body) : null;
  let created: string | null = null;
  await db.$transaction(async (tx) => {
    let commentId = mention.commentId;
    if (reading.kind === "reply" && commentId) {
      // Sent again: the text follows the source; a moderator's decision stays.
      await tx.comment.updateMany({ where: { id: commentId }, data: { ...body, editedAt: now } });
      await tx.comment.updateMany({ where: { id: commentId, status: "deleted" }, data: { status: "pending" } });
    } else if (screening?.status) {
      const comment = await tx.comment.create({
        data: {
          postId: post!.id,
          ...body,
          status: screening.status,
          heldBy: screening.heldBy,
          createdAt: reading.publishedAt && reading.publishedAt < now ? reading.publishedAt : now,
        },
        select: { id: true },
      });
      commentId = comment.id;
      if (screening.status === "pending") created = comment.id;
    } else if (reading.kind !== "reply" && commentId) {
      // No longer a reply (the source changed what it is): its comment goes, the mention stays.
      await tx.comment.updateMany({ where: { id: commentId }, data: { status: "deleted" } });
    }
    await tx.webmention.update({
      where: { id },
      data: { ...shown, commentId, targetPostId: post!.id, error: screening?.refusal ?? null },
    });
  });
  // The article's author hears of a new mention, like, repost or bookmark (replies reach them as comments).
  if (mention.status !== "accepted" && !(reading.kind === "reply" && screening?.status))
    await noticeCitation({
      citedPostId: post!.id,
      sourceUrl: shown.url,
      name: reading.authorName ?? new URL(shown.url).hostname,
      actorId: null,
      excerpt: reading.contentText,
    }).catch((error: unknown) => console.error("[webmention] citation notice failed:", (error as Error).message));
  if (created)
    await noticeHeldComment({
      id: created,
      postId: post!.id,
      authorId: null,
      authorName: body.guestName,
      excerpt: body.bodySource,
    }).catch((error: unknown) => console.error("[webmention] held notice failed:", (error as Error).message));
  await pagesChanged(post!.id);
  // An existing reply's text or status changed (a new one is held or spam: never in the index).
  if (mention.commentId) await commentsChanged([mention.commentId]);
}

/**
 * screenReply: what a reply from another site becomes: a held comment (status "pending"), spam,
 * or nothing (the discussion is closed or locked, or the blog's words refuse it; the mention
 * then stays listed with the article, with why in its status).
 */
async function screenReply(
  post: TargetPost,
  body: { guestName: string; bodySource: string; bodyHtml: string },
): Promise<{ status: "pending" | "spam" | null; heldBy: string | null; refusal: string | null }> {
  const facts = await db.post.findUniqueOrThrow({
    where: { id: post.id },
    select: {
      commentPolicy: true,
      lockedAt: true,
      publishedAt: true,
      blog: { select: { commentPolicy: true, closeAfterDays: true } },
    },
  });
  const policy = facts.commentPolicy ?? facts.blog.commentPolicy;
  if (policy === "closed" || facts.lockedAt || discussionExpired(facts.publishedAt, facts.blog.closeAfterDays))
    return { status: null, heldBy: null, refusal: "The discussion is closed: the reply is listed, not added." };
  const screening = await screenComment({
    postId: post.id,
    blogId: post.blogId,
    authorId: null,
    authorName: body.guestName,
    guestEmail: null,
    body: body.bodySource,
    linkCount: new Set(linkedUrls(body.bodyHtml, "https://source.invalid/")).size,
    isStaff: false,
  });
  if (screening.verdict === "reject")
    return { status: null, heldBy: null, refusal: "The blog's rules refuse this reply: it is listed, not added." };
  return {
    status: screening.verdict === "spam" ? "spam" : "pending",
    heldBy: serializeHeldBy(screening.heldBy),
    refusal: null,
  };
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
