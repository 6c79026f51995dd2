import "server-only";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { db, type ImportStagedWhereInput, type Tx } from "@/lib/db";

export type Counts = { created: number; updated: number; unchanged: number; skipped: number };
export const counts = (): Counts => ({ created: 0, updated: 0, unchanged: 0, skipped: 0 });

/** ImportReport: what a run did; `unchanged` when it created and updated nothing. */
export type ImportReport = {
  runId: string;
  blog: { slug: string; created: boolean };
  posts: Counts;
  comments: Counts;
  people: { created: number; matched: number; guests: number };
  addresses: { stored: number; clashes: string[] };
  skipped: { item: string; reason: string }[];
  unchanged: boolean;
};

/** Rows per write transaction: small enough that SQLite's single writer is never held for long. */
export const BATCH = 200;

export function chunks<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** fileSha256: the SHA-256 of a file, read as a stream. */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * startRun: records a run. A run of the same blog still "running" was interrupted (a killed
 * process): it is rolled back first, so what it wrote never shows.
 */
export async function startRun(input: {
  blogId: string;
  kind: "wxr" | "disqus";
  fileName: string;
  fileHash: string;
  startedById: string | null;
}): Promise<string> {
  const stale = await db.importRun.findMany({
    where: { blogId: input.blogId, status: "running" },
    select: { id: true },
  });
  for (const run of stale) await rollbackRun(run.id, "interrupted (rolled back by the next run)");
  return (await db.importRun.create({ data: input, select: { id: true } })).id;
}

export type StagedRow = {
  itemType: "post" | "comment" | "user";
  itemId: string;
  action: "create" | "update";
  status?: string;
  data?: object;
};

/** stagedData: the ImportStaged rows that remember what a run wrote (new rows hidden until revealRun, updates to apply then). */
export function stagedData(runId: string, rows: StagedRow[]) {
  return rows.map((row) => ({
    runId,
    itemType: row.itemType,
    itemId: row.itemId,
    action: row.action,
    status: row.status ?? null,
    data: row.data ? JSON.stringify(row.data) : null,
  }));
}

type PostReveal = { status: string; publishedAt: string | null };

/**
 * revealRun: gives the run's new comments and posts their real status and applies its staged
 * updates, in transactions of at most 1,000 rows (SQLite's single writer is never held long),
 * then marks the run done. New posts come last, in one transaction per 500: an imported article
 * appears with its whole discussion, since its comments were revealed while it was still hidden.
 */
export async function revealRun(runId: string, report: ImportReport): Promise<void> {
  const newPosts = { itemType: "post", action: "create" };
  await revealPages(runId, { NOT: newPosts }, 1000);
  await revealPages(runId, newPosts, 500);
  await db.$transaction([
    db.importRun.update({
      where: { id: runId },
      data: { status: "done", finishedAt: new Date(), report: JSON.stringify(report) },
    }),
    db.importStaged.deleteMany({ where: { runId } }),
  ]);
}

async function revealPages(runId: string, where: ImportStagedWhereInput, size: number): Promise<void> {
  for (let after = ""; ;) {
    const staged = await db.importStaged.findMany({
      where: { runId, id: { gt: after }, ...where },
      orderBy: { id: "asc" },
      take: size,
      select: { id: true, itemType: true, itemId: true, action: true, status: true, data: true },
    });
    if (!staged.length) return;
    after = staged.at(-1)!.id;
    await db.$transaction(
      async (tx) => {
        for (const row of staged) await revealRow(tx, row);
        const byStatus = new Map<string, string[]>();
        for (const row of staged)
          if (row.itemType === "comment" && row.action === "create")
            byStatus.set(row.status!, [...(byStatus.get(row.status!) ?? []), row.itemId]);
        for (const [status, ids] of byStatus)
          for (const part of chunks(ids, 500))
            await tx.comment.updateMany({ where: { id: { in: part }, status: "importing" }, data: { status } });
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  }
}

type StagedRecord = { itemType: string; itemId: string; action: string; data: string | null };

async function revealRow(tx: Tx, row: StagedRecord): Promise<void> {
  if (row.itemType === "post" && row.action === "create") {
    const data = JSON.parse(row.data!) as PostReveal;
    await tx.post.update({
      where: { id: row.itemId },
      data: { status: data.status, publishedAt: data.publishedAt ? new Date(data.publishedAt) : null },
    });
  } else if (row.itemType === "post" && row.action === "update") {
    const { tagIds, publishedAt, ...data } = JSON.parse(row.data!) as Record<string, unknown> & {
      tagIds: string[];
      publishedAt: string | null;
    };
    await tx.post.update({
      where: { id: row.itemId },
      data: {
        ...data,
        publishedAt: publishedAt ? new Date(publishedAt) : null,
        tags: { deleteMany: {}, create: tagIds.map((tagId) => ({ tagId })) },
      },
    });
  } else if (row.itemType === "comment" && row.action === "update") {
    const { createdAt, ...data } = JSON.parse(row.data!) as Record<string, unknown> & { createdAt: string };
    await tx.comment.update({ where: { id: row.itemId }, data: { ...data, createdAt: new Date(createdAt) } });
  }
}

/**
 * rollbackRun: removes what a failed run created (its comments, posts with their old addresses,
 * and the accounts it made that hold nothing else), in bounded batches; its staged updates are
 * simply dropped. The run stays in the log as "failed" with the reason.
 */
export async function rollbackRun(runId: string, error: string): Promise<void> {
  const created = await db.importStaged.findMany({
    where: { runId, action: "create" },
    select: { itemType: true, itemId: true },
  });
  const ids = (type: string) => created.filter((row) => row.itemType === type).map((row) => row.itemId);
  for (const part of chunks(ids("comment"), 500))
    await db.comment.deleteMany({ where: { id: { in: part }, status: "importing" } });
  for (const part of chunks(ids("post"), 100)) await db.post.deleteMany({ where: { id: { in: part } } });
  for (const part of chunks(ids("user"), 100))
    await db.user.deleteMany({ where: { id: { in: part }, posts: { none: {} }, comments: { none: {} } } });
  await db.importStaged.deleteMany({ where: { runId } });
  await db.importRun.update({
    where: { id: runId },
    data: { status: "failed", finishedAt: new Date(), error: error.slice(0, 2000) },
  });
}
