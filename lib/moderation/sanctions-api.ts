import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { listAudit, exportAuditCsv, type AuditFilters } from "./audit-log";
import { ApiSanctionBodySchema } from "./sanction-schemas";
import { sanctionPerson, type SanctionView } from "./sanctions";

/** sanctionFromApi: POST /api/v1/sanctions: the person by handle or id, the blog by slug (null: instance-wide). */
export async function sanctionFromApi(actor: Actor, body: unknown, now: Date = new Date()) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
  const input = ApiSanctionBodySchema.parse(body);
  const [user, blog] = await Promise.all([
    input.userId
      ? db.user.findUnique({ where: { id: input.userId }, select: { id: true } })
      : db.user.findFirst({
          where: { handleKey: input.handle!.replace(/^@/, "").toLowerCase() },
          select: { id: true },
        }),
    input.blog ? db.blog.findUnique({ where: { slug: input.blog.toLowerCase() }, select: { id: true } }) : null,
  ]);
  if (!user || (input.blog && !blog)) throw new AppError("NOT_FOUND", "errors.notFound");
  return sanctionPerson(
    actor,
    {
      userId: user.id,
      blogId: blog?.id ?? null,
      kind: input.kind,
      reason: input.reason,
      ...(input.duration !== undefined ? { duration: input.duration } : {}),
      ...(input.until !== undefined ? { until: input.until } : {}),
    },
    now,
  );
}

/** apiSanction: a sanction as /api/v1 answers it (dates as ISO text). */
export function apiSanction(view: SanctionView) {
  return {
    id: view.id,
    kind: view.kind,
    blog: view.blog ? { slug: view.blog.slug, name: view.blog.name } : null,
    reason: view.reason,
    createdAt: view.createdAt.toISOString(),
    endsAt: view.endsAt?.toISOString() ?? null,
    liftedAt: view.liftedAt?.toISOString() ?? null,
    createdBy: view.createdBy,
    liftedBy: view.liftedBy,
    inForce: view.inForce,
  };
}

const LogQuerySchema = z.object({ blog: z.string().trim().min(1).max(64).optional() });

/**
 * auditFromApi: GET /api/v1/moderation/log: with `blog=<slug>` that blog's log
 * (canReadAuditLog), without it the instance's (admins); JSON pages or, with format=csv, the export.
 */
export async function auditFromApi(actor: Actor, params: URLSearchParams, filters: AuditFilters) {
  const { blog: slug } = LogQuerySchema.parse({ blog: params.get("blog") ?? undefined });
  let blogId: string | null = null;
  if (slug) {
    const blog = await db.blog.findUnique({ where: { slug: slug.toLowerCase() }, select: { id: true } });
    if (!blog) throw new AppError("NOT_FOUND", "errors.notFound");
    blogId = blog.id;
  }
  const { blog: _blog, ...rest } = filters;
  const scoped = blogId ? rest : filters;
  if (params.get("format") === "csv") return { csv: await exportAuditCsv(actor, { blogId }, scoped), slug };
  const page = await listAudit(actor, { blogId }, scoped);
  return {
    json: {
      entries: page.entries.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })),
      nextCursor: page.nextCursor,
    },
  };
}
