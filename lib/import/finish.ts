import "server-only";
import { linkImportedMentions } from "@/lib/comments";
import { pagesChanged } from "@/lib/page-cache";
import { db } from "@/lib/db";
import { commentsChanged, reindexPosts } from "@/lib/search";
import type { ImportTarget } from "./blog";
import { relinkRun } from "./links";
import { chunks, counts, revealRun, type ImportReport } from "./run";

/** ImportProgress: bytes of the file read so far, and the report as it stands. */
export type ImportProgress = { bytes: number; total: number; report: ImportReport };

export function newReport(runId: string, blog: ImportTarget): ImportReport {
  return {
    runId,
    blog: { slug: blog.slug, created: blog.created },
    posts: counts(),
    comments: counts(),
    people: { created: 0, matched: 0, guests: 0 },
    addresses: { stored: 0, clashes: [] },
    skipped: [],
    unchanged: false,
  };
}

/**
 * finishImport: reveals all the run wrote in one transaction, then links its posts (old addresses
 * → new ones, citations both ways) and derives what readers need (mentions, search index, pages).
 */
export async function finishImport(
  runId: string,
  blog: ImportTarget,
  report: ImportReport,
  posts: string[],
  comments: string[],
): Promise<ImportReport> {
  const changed = report.posts.created + report.posts.updated + report.comments.created + report.comments.updated;
  report.unchanged = changed === 0 && report.addresses.stored === 0 && report.people.created === 0;
  // Every comment the run wrote or changed (the reveal drops the staged rows): the search index follows them.
  const staged = await db.importStaged.findMany({
    where: { runId, itemType: "comment" },
    select: { itemId: true },
  });
  await revealRun(runId, report);
  await relinkRun(posts, runId, blog);
  // After the reveal: mentions resolve against the thread's people (links to profiles, Mention
  // rows); imports notify nobody. The search index and cached pages follow the rows.
  for (const part of chunks(comments, 500)) await linkImportedMentions(part);
  await reindexPosts(posts);
  await commentsChanged(staged.map((row) => row.itemId));
  if (!report.unchanged) await pagesChanged();
  return report;
}
