import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/db";

/**
 * The audit log (issue 11, item 7). Every moderation act, sanction, blog settings and membership
 * change is recorded here, in the transaction that makes the change, with who, what, when, why
 * and the state before and after. This module only ever inserts: the table has no foreign keys
 * (entries outlive the blog or account they name, with the names as they were) and triggers in
 * both databases refuse UPDATE and DELETE.
 */

type AuditSubject = "comment" | "post" | "user" | "blog" | "membership" | "sanction" | "report";

type Json = Record<string, unknown>;

export type AuditInput = {
  /** Who acted (null: the system, e.g. a report threshold or an expired suspension). */
  actorId: string | null;
  blogId: string | null;
  action: string;
  subject: { type: AuditSubject; id: string; name?: string | null };
  reason?: string | null;
  before?: Json | null;
  after?: Json | null;
};

/** Names read in one transaction, so a bulk decision on 100 comments reads its actor and blog once. */
type Named = Promise<{ name: string } | null>;
const namesByTx = new WeakMap<object, Map<string, Named>>();
const namesFor = (tx: Tx) => {
  let names = namesByTx.get(tx);
  if (!names) namesByTx.set(tx, (names = new Map()));
  return names;
};
function once(names: Map<string, Named>, key: string, read: () => Named): Named {
  let found = names.get(key);
  if (!found) names.set(key, (found = read()));
  return found;
}

const ActionSchema = z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/);

/**
 * recordAudit: inserts one entry inside the caller's transaction, so the act and its record are
 * written together or not at all. Actor and blog names are read in the same transaction.
 */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  const action = ActionSchema.parse(input.action);
  const names = namesFor(tx);
  const [actor, blog] = await Promise.all([
    input.actorId
      ? once(names, `user:${input.actorId}`, () =>
          tx.user.findUnique({ where: { id: input.actorId! }, select: { name: true } }),
        )
      : null,
    input.blogId
      ? once(names, `blog:${input.blogId}`, () =>
          tx.blog.findUnique({ where: { id: input.blogId! }, select: { name: true } }),
        )
      : null,
  ]);
  await tx.auditEntry.create({
    data: {
      actorId: input.actorId,
      actorName: actor?.name ?? null,
      blogId: input.blogId,
      blogName: blog?.name ?? null,
      action,
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      subjectName: input.subject.name ?? null,
      reason: input.reason?.trim() || null,
      before: input.before ? JSON.stringify(input.before) : null,
      after: input.after ? JSON.stringify(input.after) : null,
    },
  });
}

/**
 * restoreAuditEntries: entries of another instance's log, as exported (lib/export), inserted as
 * they were — the log stays append-only: nothing here updates or deletes.
 */
export async function restoreAuditEntries(
  tx: Tx,
  rows: NonNullable<Parameters<Tx["auditEntry"]["createMany"]>[0]>["data"],
): Promise<void> {
  await tx.auditEntry.createMany({ data: rows });
}
