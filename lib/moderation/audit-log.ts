import "server-only";
import { z } from "zod";
import { getBlogRole } from "@/lib/auth/blog-role";
import { canReadAuditLog, canReadInstanceAuditLog, type Actor } from "@/lib/auth/policy";
import { db, type AuditEntryWhereInput } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { csvRow, parseJsonObject } from "./audit-format";

/**
 * Reading the audit log (issue 11, item 7): a blog's entries for its owners and moderators
 * (canReadAuditLog), every entry for admins (canReadInstanceAuditLog). Filters: action (a kind
 * such as "sanction" or an exact action), actor, subject (a handle, a name as recorded or an
 * id), a date range, and on the instance log a blog. Pages of 50, newest first, keyset on
 * (createdAt, id). The CSV export runs the same query in bounded batches.
 */

const AUDIT_PAGE_SIZE = 50;
/** The most rows one CSV export holds. */
const AUDIT_EXPORT_LIMIT = 100_000;

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "auditLog.dateInvalid")
  .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)), "auditLog.dateInvalid");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || undefined);

/** AuditFiltersSchema: the log's query string (every field optional; empty fields are ignored). */
const AuditFiltersSchema = z.object({
  action: optionalText(60).pipe(
    z
      .string()
      .regex(/^[a-z_.]+$/, "auditLog.actionInvalid")
      .optional(),
  ),
  actor: optionalText(80),
  subject: optionalText(80),
  blog: optionalText(80),
  from: optionalText(10).pipe(Day.optional()),
  to: optionalText(10).pipe(Day.optional()),
  cursor: optionalText(200),
});
export type AuditFilters = z.input<typeof AuditFiltersSchema>;

/** One entry as the pages and the API show it (names as recorded when the act happened). */
export type AuditLogEntry = {
  id: string;
  createdAt: Date;
  actorId: string | null;
  actorName: string | null;
  blogId: string | null;
  blogName: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  subjectName: string | null;
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** Which log: one blog's, or the whole instance's (blogId null). */
export type AuditScope = { blogId: string | null };

/** assertCanReadAudit: the policy's verdict for this log (UNAUTHENTICATED, FORBIDDEN). */
async function assertCanRead(actor: Actor, scope: AuditScope): Promise<void> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
  const allowed = scope.blogId
    ? canReadAuditLog(actor, await getBlogRole(actor.id, scope.blogId))
    : canReadInstanceAuditLog(actor);
  if (!allowed) throw new AppError("FORBIDDEN", "errors.forbidden");
}

function encodeCursor(entry: { createdAt: Date; id: string }): string {
  return Buffer.from(`${entry.createdAt.toISOString()}|${entry.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) throw new AppError("INVALID_INPUT", "auditLog.cursorInvalid");
  return { createdAt, id };
}

/** personIds: the people a filter text names, by handle (with or without @). */
async function personId(text: string): Promise<string | null> {
  const handle = text.replace(/^@/, "").toLowerCase();
  if (!/^[a-z0-9_-]{1,40}$/.test(handle)) return null;
  const user = await db.user.findFirst({ where: { handleKey: handle }, select: { id: true } });
  return user?.id ?? null;
}

async function whereOf(
  scope: AuditScope,
  filters: z.output<typeof AuditFiltersSchema>,
): Promise<AuditEntryWhereInput[]> {
  const and: AuditEntryWhereInput[] = [];
  if (scope.blogId) and.push({ blogId: scope.blogId });
  else if (filters.blog) {
    const blog = await db.blog.findUnique({ where: { slug: filters.blog.toLowerCase() }, select: { id: true } });
    and.push({ OR: [{ blogName: filters.blog }, ...(blog ? [{ blogId: blog.id }] : [])] });
  }
  if (filters.action)
    and.push(
      filters.action.includes(".")
        ? { action: filters.action }
        : { OR: [{ action: filters.action }, { action: { startsWith: `${filters.action}.` } }] },
    );
  const [actorId, subjectId] = await Promise.all([
    filters.actor ? personId(filters.actor) : null,
    filters.subject ? personId(filters.subject) : null,
  ]);
  if (filters.actor) and.push({ OR: [{ actorName: filters.actor }, ...(actorId ? [{ actorId }] : [])] });
  if (filters.subject)
    and.push({
      OR: [{ subjectName: filters.subject }, { subjectId: subjectId ?? filters.subject }],
    });
  if (filters.from) and.push({ createdAt: { gte: new Date(`${filters.from}T00:00:00Z`) } });
  if (filters.to) and.push({ createdAt: { lt: new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000) } });
  return and;
}

const select = {
  id: true,
  createdAt: true,
  actorId: true,
  actorName: true,
  blogId: true,
  blogName: true,
  action: true,
  subjectType: true,
  subjectId: true,
  subjectName: true,
  reason: true,
  before: true,
  after: true,
} as const;

async function page(and: AuditEntryWhereInput[], after: { createdAt: Date; id: string } | null, take: number) {
  const keyset: AuditEntryWhereInput[] = after
    ? [
        {
          OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }],
        },
      ]
    : [];
  return db.auditEntry.findMany({
    where: { AND: [...and, ...keyset] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select,
  });
}

/**
 * listAudit: one page of the log (50 entries, newest first) with the cursor of the next, and the
 * actions present in this log (the filter's choices). Two or three queries whatever the page holds.
 */
export async function listAudit(
  actor: Actor,
  scope: AuditScope,
  raw: AuditFilters = {},
): Promise<{
  entries: AuditLogEntry[];
  nextCursor: string | null;
  actions: string[];
  handles: Record<string, string>;
}> {
  await assertCanRead(actor, scope);
  const filters = AuditFiltersSchema.parse(raw);
  const and = await whereOf(scope, filters);
  const [rows, groups] = await Promise.all([
    page(and, filters.cursor ? decodeCursor(filters.cursor) : null, AUDIT_PAGE_SIZE + 1),
    db.auditEntry.groupBy({
      by: ["action"],
      where: scope.blogId ? { blogId: scope.blogId } : {},
      orderBy: { action: "asc" },
    }),
  ]);
  const entries = rows.slice(0, AUDIT_PAGE_SIZE).map(({ before, after, ...row }) => ({
    ...row,
    before: parseJsonObject(before),
    after: parseJsonObject(after),
  }));
  const last = entries.at(-1);
  // The handles of the people entries are about, where the account still exists (for links).
  const userIds = [...new Set(entries.filter((e) => e.subjectType === "user").map((e) => e.subjectId))];
  const users = userIds.length
    ? await db.user.findMany({ where: { id: { in: userIds }, deletedAt: null }, select: { id: true, handle: true } })
    : [];
  return {
    entries,
    handles: Object.fromEntries(users.map((user) => [user.id, user.handle])),
    nextCursor: rows.length > AUDIT_PAGE_SIZE && last ? encodeCursor(last) : null,
    actions: groups.map((group) => group.action),
  };
}

const AUDIT_CSV_COLUMNS = [
  "created_at",
  "actor",
  "actor_id",
  "blog",
  "blog_id",
  "action",
  "subject_type",
  "subject_id",
  "subject",
  "reason",
  "before",
  "after",
] as const;

/**
 * exportAuditCsv: the same log (same authorization and filters, the cursor ignored) as CSV text
 * chunks, read in batches of 500 on the keyset, at most AUDIT_EXPORT_LIMIT rows. Authorization
 * and filters are checked before the first chunk, so a refusal is an error, not a broken file.
 */
export async function exportAuditCsv(
  actor: Actor,
  scope: AuditScope,
  raw: AuditFilters = {},
): Promise<AsyncGenerator<string>> {
  await assertCanRead(actor, scope);
  const and = await whereOf(scope, { ...AuditFiltersSchema.parse(raw), cursor: undefined });
  async function* rows(): AsyncGenerator<string> {
    yield csvRow(AUDIT_CSV_COLUMNS);
    let after: { createdAt: Date; id: string } | null = null;
    let sent = 0;
    while (sent < AUDIT_EXPORT_LIMIT) {
      const batch = await page(and, after, Math.min(500, AUDIT_EXPORT_LIMIT - sent));
      if (!batch.length) return;
      let chunk = "";
      for (const row of batch)
        chunk += csvRow([
          row.createdAt,
          row.actorName,
          row.actorId,
          row.blogName,
          row.blogId,
          row.action,
          row.subjectType,
          row.subjectId,
          row.subjectName,
          row.reason,
          row.before,
          row.after,
        ]);
      yield chunk;
      sent += batch.length;
      after = batch.at(-1)!;
      if (batch.length < 500) return;
    }
  }
  return rows();
}

/** csvResponse: a streamed CSV download of an export. */
export function csvResponse(chunks: AsyncGenerator<string>, filename: string): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^a-z0-9._-]/gi, "_")}"`,
      "cache-control": "no-store",
    },
  });
}
