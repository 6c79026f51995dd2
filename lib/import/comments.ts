import "server-only";
import { db, newId, type CommentUncheckedCreateInput } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { renderMarkdownCached } from "@/lib/markdown";
import { wordpressToMarkdown } from "./wordpress-html";
import type { People, PersonInput } from "./people";
import { sha256, stagedData, type ImportReport, type StagedRow } from "./run";

/** An imported comment, as any importer reads it. `key` is unique on the instance (importKey). */
export type ImportComment = {
  key: string;
  parentKey: string | null;
  postId: string;
  /** What the report calls it ("comment 102 on …"). */
  label: string;
  author: PersonInput;
  html: string;
  createdAt: Date;
  status: "approved" | "pending" | "spam";
};

/** CommentWriter: state of a run's comments (import key → id), shared by its batches. */
export type CommentWriter = {
  runId: string;
  people: People;
  report: ImportReport;
  ids: Map<string, string>;
  /** Comments written (new or changed) with an "@" in them: their mentions are linked when the run completes. */
  touched: string[];
};

/**
 * writeComments: writes one batch (at most a few hundred comments) in ONE transaction: new
 * comments hidden ("importing") until the run completes, changed ones staged, unchanged ones
 * left alone (matched by import key and the hash of what was read). Parents go before their
 * replies; the comments whose parent is nowhere (neither in this batch nor stored) come back.
 */
export async function writeComments(writer: CommentWriter, batch: ImportComment[]): Promise<ImportComment[]> {
  const report = writer.report;
  const lookup = batch.flatMap((c) => [c.key, ...(c.parentKey && !writer.ids.has(c.parentKey) ? [c.parentKey] : [])]);
  const existing = new Map(
    (
      await db.comment.findMany({
        where: { importKey: { in: [...new Set(lookup)] } },
        select: { id: true, importKey: true, importHash: true, postId: true },
      })
    ).map((row) => [row.importKey!, row]),
  );
  for (const [key, row] of existing) writer.ids.set(key, row.id);

  let waiting = batch;
  const ordered: ImportComment[] = [];
  const placed = new Set<string>();
  for (let progress = true; progress && waiting.length;) {
    progress = false;
    const next: ImportComment[] = [];
    for (const comment of waiting) {
      if (!comment.parentKey || writer.ids.has(comment.parentKey) || placed.has(comment.parentKey)) {
        ordered.push(comment);
        placed.add(comment.key);
        progress = true;
      } else next.push(comment);
    }
    waiting = next;
  }

  await writer.people.prefetch(ordered.map((c) => c.author));
  const work = [];
  for (const comment of ordered) {
    const body = wordpressToMarkdown(comment.html);
    const author = await writer.people.author(comment.author);
    const authorFields =
      author.kind === "user"
        ? { authorId: author.userId, guestName: null, guestEmail: null, guestUrl: null }
        : { authorId: null, guestName: author.name, guestEmail: author.email, guestUrl: author.url };
    const hash = sha256(JSON.stringify([body, comment.status, authorFields, comment.createdAt, comment.parentKey]));
    const row = existing.get(comment.key);
    const id = row?.id ?? writer.ids.get(comment.key) ?? newId();
    writer.ids.set(comment.key, id);
    if (row && row.importHash === hash) report.comments.unchanged++;
    else work.push({ comment, body, authorFields, hash, row, id });
  }
  // The changed bodies render in the render pool's workers, all of the batch at once.
  const renders = await Promise.all(
    work.map(({ body }) =>
      renderMarkdownCached(body || "…", "comment").then(
        (rendered) => rendered.html,
        (error: unknown) => {
          if (!isAppError(error)) throw error;
          return error;
        },
      ),
    ),
  );
  const creates: CommentUncheckedCreateInput[] = [];
  const staged: StagedRow[] = [];
  for (const [index, { comment, body, authorFields, hash, row, id }] of work.entries()) {
    const bodyHtml = renders[index]!;
    if (typeof bodyHtml !== "string") {
      report.comments.skipped++;
      report.skipped.push({ item: comment.label, reason: `its text cannot be rendered (${bodyHtml.message})` });
      writer.ids.delete(comment.key);
      continue;
    }
    const parentId = comment.parentKey ? (writer.ids.get(comment.parentKey) ?? null) : null;
    const fields = {
      ...authorFields,
      bodySource: body,
      bodyHtml,
      createdAt: comment.createdAt,
      parentId,
      importHash: hash,
    };
    if (body.includes("@")) writer.touched.push(id);
    if (row) {
      report.comments.updated++;
      staged.push({ itemType: "comment", itemId: id, action: "update", data: { ...fields, status: comment.status } });
    } else {
      report.comments.created++;
      creates.push({ id, postId: comment.postId, importKey: comment.key, status: "importing", ...fields });
      staged.push({ itemType: "comment", itemId: id, action: "create", status: comment.status });
    }
  }
  // One row per statement, in one transaction: Prisma caches a query plan per query shape, and a
  // multi-row insert's shape changes with its length and with which of its values are null, so
  // createMany here would leave a new, large plan in the cache for nearly every batch.
  if (staged.length)
    await db.$transaction(
      async (tx) => {
        for (const data of creates) await tx.comment.create({ data, select: { id: true } });
        for (const data of stagedData(writer.runId, staged))
          await tx.importStaged.create({ data, select: { id: true } });
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  return waiting;
}
