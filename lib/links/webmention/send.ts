import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { appUrl } from "@/lib/auth/app-url";
import { db } from "@/lib/db";
import { guardedFetch, isFinalFetchError } from "@/lib/http";
import type { Actor } from "@/lib/auth/policy";
import { defineJob, enqueueJob } from "@/lib/jobs";
import { getPostForEditor } from "@/lib/posts";
import { commentPath } from "@/lib/comments/permalink";
import { internalPostPath } from "../internal";
import { discoverEndpoint } from "./discover";
import { linkedUrls } from "./source";

/** The job kind that sends one Webmention. */
export const SEND_JOB = "webmention.send";

/** isExternal: an http(s) URL of another site (links to this instance are citations, kept by lib/links). */
function isExternal(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
    return parsed.origin !== new URL(appUrl("/")).origin && internalPostPath(url) === null;
  } catch {
    return false;
  }
}

type Source = { type: "post" | "comment"; id: string; url: string };

/**
 * queueSends: one send per target for this version of the source, unless that version was
 * already sent there (a save that changes nothing sends nothing). Targets the source linked to
 * in earlier versions and no longer does are told too, so their site can take the mention down.
 */
async function queueSends(source: Source, links: string[], version: string, runAt?: Date): Promise<number> {
  const current = new Set(links.filter(isExternal));
  const earlier = await db.webmentionSend.findMany({
    where: { sourceType: source.type, sourceId: source.id },
    select: { target: true, version: true },
  });
  const sentBefore = new Set(earlier.map((row) => row.target));
  const done = new Set(earlier.filter((row) => row.version === version).map((row) => row.target));
  const targets = [...new Set([...current, ...sentBefore])].filter((target) => !done.has(target));
  if (!targets.length) return 0;
  await db.$transaction(async (tx) => {
    for (const target of targets) {
      const row = await tx.webmentionSend.create({
        data: { sourceType: source.type, sourceId: source.id, sourceUrl: source.url, target, version },
        select: { id: true },
      });
      await enqueueJob(tx, SEND_JOB, { id: row.id }, { runAt });
    }
  });
  return targets.length;
}

const versionOf = (...parts: string[]) => createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);

/**
 * queuePostWebmentions: after a public post changed (published, edited, unpublished, deleted):
 * a Webmention to every external link of this version, and to every link an edit removed. A
 * scheduled post's go out when it is published; a post no longer public tells every site it
 * linked to (they find it gone and remove the mention).
 */
export async function queuePostWebmentions(postId: string, now: Date = new Date()): Promise<number> {
  const post = await db.post.findUnique({
    where: { id: postId },
    select: {
      slug: true,
      status: true,
      publishedAt: true,
      deletedAt: true,
      bodyHtml: true,
      blog: { select: { slug: true } },
      linksOut: { select: { targetUrl: true } },
    },
  });
  if (!post) return 0;
  const source = { type: "post" as const, id: postId, url: appUrl(`/${post.blog.slug}/${post.slug}`) };
  const live = post.status !== "draft" && !post.deletedAt && post.publishedAt;
  if (!live) return queueSends(source, [], versionOf("gone", now.toISOString().slice(0, 10)));
  const runAt = post.publishedAt! > now ? post.publishedAt! : undefined;
  return queueSends(
    source,
    post.linksOut.map((link) => link.targetUrl),
    // Published again after an unpublication: a new date, so a new version, sent again.
    versionOf(source.url, post.publishedAt!.toISOString(), post.bodyHtml),
    runAt,
  );
}

/**
 * queueCommentWebmentions: the same for a comment, from its permalink (a published comment's
 * links; a comment taken down tells the sites it had linked to). Never throws: the comment is
 * saved already, a failure here is logged.
 */
export async function queueCommentWebmentions(
  commentId: string,
  options: { newLinks?: readonly string[] } = {},
): Promise<number> {
  // A new comment without external links (nearly all of them) has nothing to send or take back:
  // its render's links say so, without a query.
  if (options.newLinks && !options.newLinks.some(isExternal)) return 0;
  try {
    return await queueCommentSends(commentId);
  } catch (error) {
    console.error(`[webmention] queueing for comment ${commentId} failed:`, (error as Error).message);
    return 0;
  }
}

async function queueCommentSends(commentId: string): Promise<number> {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: { status: true, bodyHtml: true, post: { select: { slug: true, blog: { select: { slug: true } } } } },
  });
  if (!comment) return 0;
  const source = {
    type: "comment" as const,
    id: commentId,
    url: appUrl(commentPath(comment.post.blog.slug, comment.post.slug, commentId)),
  };
  if (comment.status !== "approved") return queueSends(source, [], versionOf("gone", comment.status));
  const links = linkedUrls(comment.bodyHtml, source.url);
  // Most comments link nowhere else: nothing to look up or send.
  if (
    !links.some(isExternal) &&
    !(await db.webmentionSend.count({ where: { sourceType: "comment", sourceId: commentId } }))
  )
    return 0;
  return queueSends(source, links, versionOf(source.url, comment.bodyHtml));
}

/**
 * sendWebmention: discovers the target's endpoint and posts source and target to it, keeping
 * what the site answered for the editor. A 4xx answer is final; a 5xx, 429 or a network failure
 * is retried by the job runner.
 */
async function sendWebmention(id: string, options: { lastAttempt?: boolean } = {}): Promise<void> {
  const row = await db.webmentionSend.findUnique({ where: { id } });
  if (!row || row.status === "sent" || row.status === "no_endpoint") return;
  const record = (data: {
    status: string;
    endpoint?: string | null;
    responseStatus?: number | null;
    responseText?: string | null;
  }) => db.webmentionSend.update({ where: { id }, data });
  let endpoint: string | null;
  try {
    endpoint = await discoverEndpoint(row.target);
  } catch (error) {
    if (isFinalFetchError(error)) {
      await record({ status: "failed", responseText: `The target could not be fetched (${error.code}).` });
      return;
    }
    throw error;
  }
  if (!endpoint) {
    await record({ status: "no_endpoint", responseText: "The site does not receive Webmentions." });
    return;
  }
  let response;
  try {
    response = await guardedFetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ source: row.sourceUrl, target: row.target }),
    });
  } catch (error) {
    if (isFinalFetchError(error)) {
      await record({ status: "failed", endpoint, responseText: `The endpoint refused (${error.code}).` });
      return;
    }
    throw error;
  }
  const answer = { endpoint, responseStatus: response.status, responseText: response.text().slice(0, 500) || null };
  if (response.status >= 200 && response.status < 300) return void (await record({ status: "sent", ...answer }));
  if ((response.status === 429 || response.status >= 500) && !options.lastAttempt) {
    await record({ status: "queued", ...answer });
    throw new Error(`The endpoint answered ${response.status}`);
  }
  await record({ status: "failed", ...answer });
}

const SEND_ATTEMPTS = 6;

/** The sending job (lib/jobs). */
export const sendWebmentionJob = defineJob({
  schema: z.object({ id: z.string().min(1).max(64) }),
  run: ({ id }, { attempt }) => sendWebmention(id, { lastAttempt: attempt >= SEND_ATTEMPTS }),
  maxAttempts: SEND_ATTEMPTS,
});

/**
 * listSentWebmentions: what was sent for a post and what each site answered (the editor's
 * panel), for the people who may edit it (NOT_FOUND for anyone else, as the editor).
 */
export async function listSentWebmentions(actor: Actor, postId: string) {
  await getPostForEditor(actor, postId);
  return db.webmentionSend.findMany({
    where: { sourceType: "post", sourceId: postId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      target: true,
      status: true,
      endpoint: true,
      responseStatus: true,
      responseText: true,
      updatedAt: true,
    },
  });
}

export type SentWebmention = Awaited<ReturnType<typeof listSentWebmentions>>[number];
