import "server-only";
import { basename } from "node:path";
import { stat } from "node:fs/promises";
import { db } from "@/lib/db";
import { internalPostPath, legacyTargets } from "@/lib/links";
import { importTarget, type ImportActor, type ImportTarget } from "../blog";
import { writeComments, type CommentWriter, type ImportComment } from "../comments";
import { finishImport, newReport, type ImportProgress } from "../finish";
import { People } from "../people";
import { BATCH, fileSha256, rollbackRun, stagedData, startRun, type ImportReport } from "../run";
import { readDisqus, type DisqusPost, type DisqusThread } from "./parse";

export type DisqusOptions = { blog: string; actor: ImportActor; onProgress?: (progress: ImportProgress) => void };

/**
 * importDisqus: the comments of a Disqus export onto the articles of an existing blog. Each
 * thread is matched to an article by its URL (an old address an import stored, or the
 * article's address here); comments keep their tree, authors and dates; deleted and spam ones
 * are kept as spam. Same guarantees as importWxr: hidden until done, rolled back on failure,
 * nothing rewritten on a second run.
 */
export async function importDisqus(path: string, options: DisqusOptions): Promise<ImportReport> {
  const total = (await stat(path)).size;
  if (!(await db.blog.findUnique({ where: { slug: options.blog }, select: { id: true } })))
    throw new Error(`No blog has the slug “${options.blog}”: import its articles first.`);
  const blog = await importTarget(options.blog, options.actor, { name: "", language: "" });
  const runId = await startRun({
    blogId: blog.id,
    kind: "disqus",
    fileName: basename(path),
    fileHash: await fileSha256(path),
    startedById: options.actor.kind === "person" ? options.actor.actor.id : null,
  });
  const report = newReport(runId, blog);
  try {
    const people = new People(options.actor.kind === "operator" ? "operator" : "members", blog.id, (userId) =>
      db.importStaged
        .createMany({ data: stagedData(runId, [{ itemType: "user", itemId: userId, action: "create" }]) })
        .then(() => {}),
    );
    report.people = people.counts;
    const writer: CommentWriter = { runId, people, report, ids: new Map(), touched: [] };
    const threads = new Map<string, { link: string; postId: string | null; skipped: number }>();
    let batch: ImportComment[] = [];
    let orphans: ImportComment[] = [];
    const flush = async () => {
      orphans = await writeComments(writer, [...orphans, ...batch]);
      batch = [];
    };
    for await (const event of readDisqus(path, {
      onBytes: (bytes) => options.onProgress?.({ bytes, total, report }),
    })) {
      if (event.kind === "thread") {
        threads.set(event.thread.id, {
          link: event.thread.link,
          postId: await threadPost(blog, event.thread),
          skipped: 0,
        });
        continue;
      }
      const thread = threads.get(event.post.threadId);
      if (!thread) {
        report.comments.skipped++;
        report.skipped.push({
          item: `Disqus comment ${event.post.id}`,
          reason: `its thread ${event.post.threadId} is not in the file`,
        });
        continue;
      }
      const comment = toComment(blog, event.post, thread);
      if (comment) batch.push(comment);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    for (const orphan of orphans) {
      report.comments.skipped++;
      report.skipped.push({
        item: orphan.label,
        reason: `its parent comment ${orphan.parentKey?.split(":").at(-1)} is not in the file`,
      });
    }
    for (const [id, thread] of threads) {
      if (!thread.skipped) continue;
      report.comments.skipped += thread.skipped;
      report.skipped.push({
        item: `thread ${id} (${thread.link || "no address"})`,
        reason: `no article of the blog has this address: its ${thread.skipped} comment(s) were not imported`,
      });
    }
    return await finishImport(runId, blog, report, [], writer.touched);
  } catch (error) {
    await rollbackRun(runId, error instanceof Error ? error.message : String(error));
    throw error;
  }
}

/** threadPost: the blog's article a thread's URL names (old address first, then a Tribune address), or null. */
async function threadPost(blog: ImportTarget, thread: DisqusThread): Promise<string | null> {
  if (!thread.link) return null;
  const legacy = (await legacyTargets(db, [thread.link])).get(thread.link);
  if (legacy) {
    const post = await db.post.findFirst({ where: { id: legacy, blogId: blog.id }, select: { id: true } });
    if (post) return post.id;
  }
  const path = internalPostPath(thread.link);
  if (!path || path.blog !== blog.slug) return null;
  const post = await db.post.findFirst({
    where: { blogId: blog.id, slug: path.post, deletedAt: null },
    select: { id: true },
  });
  return post?.id ?? null;
}

function toComment(
  blog: ImportTarget,
  post: DisqusPost,
  thread: { link: string; postId: string | null; skipped: number },
): ImportComment | null {
  if (!thread.postId) {
    thread.skipped++;
    return null;
  }
  const key = (id: string) => `disqus:${blog.id}:${id}`;
  const createdAt = new Date(post.createdAt);
  return {
    key: key(post.id),
    parentKey: post.parentId ? key(post.parentId) : null,
    postId: thread.postId,
    label: `Disqus comment ${post.id}`,
    author: { name: post.author.name || post.author.username || "Anonyme", email: post.author.email },
    html: post.message,
    createdAt: Number.isNaN(createdAt.getTime()) ? new Date() : createdAt,
    status: post.isDeleted || post.isSpam ? "spam" : "approved",
  };
}
