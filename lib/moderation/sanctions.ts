import "server-only";
import { getBlogRoles } from "@/lib/auth/blog-role";
import { canSanction, canSeeSanctions, isAdmin, type Actor, type BlogRole } from "@/lib/auth/policy";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "./audit";
import {
  LiftInputSchema,
  MAX_SUSPENSION_MS,
  MIN_SUSPENSION_MS,
  SanctionInputSchema,
  type SanctionInput,
  type SanctionKind,
} from "./sanction-schemas";

/**
 * Sanctions (issue 11, item 6): warn (a notice with the reason), suspend for a while, ban from a
 * blog or, for admins, from the instance; lift. Every act is checked by canSanction (the target's
 * role on the blog matters), recorded in the audit log in its own transaction, and told to the
 * person by a `sanction` notification (Notification.detail: kind, reason, end, blog). A
 * suspension ends by itself: every check compares its end with the request's clock
 * (lib/auth/sanctions sanctionsInForce, lib/auth/policy activeSanction), so no job runs.
 */

/** The `sanction` notification's detail (JSON in Notification.detail). */
export type SanctionNotice = {
  kind: SanctionKind | "lift";
  /** For a lift: what was lifted. */
  lifted?: SanctionKind;
  reason: string;
  endsAt: string | null;
  blog: string | null;
  blogSlug: string | null;
};

/** A sanction as moderators see it. */
export type SanctionView = {
  id: string;
  kind: SanctionKind;
  blog: { id: string; slug: string; name: string } | null;
  reason: string;
  createdAt: Date;
  endsAt: Date | null;
  liftedAt: Date | null;
  createdBy: string | null;
  liftedBy: string | null;
  /** In force at the time of the read (a warning never is). */
  inForce: boolean;
};

const VERB: Record<SanctionKind, string> = { warning: "warn", suspension: "suspend", ban: "ban" };

function requireActor(actor: Actor): NonNullable<Actor> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
  return actor;
}

/** isInForce: a suspension before its end, a ban not lifted; warnings bar nothing. */
export function isInForce(
  row: { kind: string; endsAt: Date | null; liftedAt: Date | null },
  now: Date = new Date(),
): boolean {
  if (row.kind === "warning" || row.liftedAt) return false;
  return row.endsAt === null || row.endsAt.getTime() > now.getTime();
}

/**
 * authorize: the one check of every sanction act: the actor's and the target's roles on the blog
 * (none instance-wide) fed to canSanction. FORBIDDEN errors.cannotSanction otherwise.
 */
async function authorize(
  actor: NonNullable<Actor>,
  target: { id: string; role: string },
  blogId: string | null,
  client: Tx = db,
): Promise<{ actorRole: BlogRole | null; targetRole: BlogRole | null }> {
  const roles = blogId ? await getBlogRoles(blogId, [actor.id, target.id], client) : new Map<string, BlogRole>();
  const actorRole = roles.get(actor.id) ?? null;
  const targetRole = roles.get(target.id) ?? null;
  const scope = blogId ? "blog" : "instance";
  if (!canSanction(actor, actorRole, { id: target.id, role: target.role, blogRole: targetRole }, scope))
    throw new AppError("FORBIDDEN", blogId ? "errors.cannotSanction" : "errors.cannotSanctionInstance");
  return { actorRole, targetRole };
}

async function loadTarget(userId: string) {
  const target = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, name: true, handle: true, deletedAt: true },
  });
  if (!target || target.deletedAt) throw new AppError("NOT_FOUND", "errors.notFound");
  return target;
}

async function loadBlog(blogId: string | null) {
  if (!blogId) return null;
  const blog = await db.blog.findUnique({ where: { id: blogId }, select: { id: true, slug: true, name: true } });
  if (!blog) throw new AppError("NOT_FOUND", "errors.notFound");
  return blog;
}

function notice(detail: SanctionNotice) {
  return JSON.stringify(detail);
}

/**
 * sanctionPerson: warns, suspends or bans `userId` on a blog (blogId) or the whole instance
 * (blogId null, admins only). A suspension ends after `duration` ("3d") or at `until`, between
 * one hour and one year from `now`. A second ban where one is in force is a CONFLICT.
 */
export async function sanctionPerson(
  actor: Actor,
  raw: SanctionInput,
  now: Date = new Date(),
): Promise<{ id: string; kind: SanctionKind; endsAt: Date | null }> {
  const who = requireActor(actor);
  const input = SanctionInputSchema.parse(raw);
  const [target, blog] = await Promise.all([loadTarget(input.userId), loadBlog(input.blogId)]);
  await authorize(who, target, blog?.id ?? null);

  let endsAt: Date | null = null;
  if (input.kind === "suspension") {
    endsAt = input.duration !== undefined ? new Date(now.getTime() + input.duration) : input.until!;
    const length = endsAt.getTime() - now.getTime();
    if (!(length >= MIN_SUSPENSION_MS - 60_000 && length <= MAX_SUSPENSION_MS + 60_000))
      throw new AppError("INVALID_INPUT", "sanctions.durationBounds");
  }

  const created = await db.$transaction(async (tx) => {
    const inForce = await tx.sanction.findMany({
      where: { userId: target.id, blogId: blog?.id ?? null, liftedAt: null, kind: { in: ["suspension", "ban"] } },
      select: { id: true, kind: true, endsAt: true },
    });
    const current = inForce.filter((row) => isInForce({ ...row, liftedAt: null }, now));
    if (input.kind === "ban" && current.some((row) => row.kind === "ban"))
      throw new AppError("CONFLICT", "errors.alreadyBanned");
    const row = await tx.sanction.create({
      data: {
        userId: target.id,
        blogId: blog?.id ?? null,
        kind: input.kind,
        reason: input.reason,
        endsAt,
        createdById: who.id,
        createdAt: now,
      },
      select: { id: true, kind: true, endsAt: true },
    });
    await recordAudit(tx, {
      actorId: who.id,
      blogId: blog?.id ?? null,
      action: `sanction.${VERB[input.kind]}`,
      subject: { type: "user", id: target.id, name: target.name },
      reason: input.reason,
      before: {
        inForce: current.length
          ? current.map((s) => (s.endsAt ? `${s.kind} → ${s.endsAt.toISOString()}` : s.kind))
          : "none",
      },
      after: {
        sanction: row.id,
        kind: input.kind,
        scope: blog ? blog.name : "instance",
        ...(endsAt ? { endsAt: endsAt.toISOString() } : {}),
      },
    });
    await tx.notification.create({
      data: {
        userId: target.id,
        kind: "sanction",
        detail: notice({
          kind: input.kind,
          reason: input.reason,
          endsAt: endsAt?.toISOString() ?? null,
          blog: blog?.name ?? null,
          blogSlug: blog?.slug ?? null,
        }),
      },
    });
    return row;
  });
  return { id: created.id, kind: created.kind as SanctionKind, endsAt: created.endsAt };
}

/**
 * liftSanction: ends a suspension or ban in force before its time, with a reason; the same people
 * who may impose it may lift it. A warning, an ended or an already lifted sanction is a CONFLICT.
 */
export async function liftSanction(
  actor: Actor,
  raw: { sanctionId: string; reason: string },
  now: Date = new Date(),
): Promise<{ id: string; liftedAt: Date }> {
  const who = requireActor(actor);
  const input = LiftInputSchema.parse(raw);
  const sanction = await db.sanction.findUnique({
    where: { id: input.sanctionId },
    select: {
      id: true,
      kind: true,
      endsAt: true,
      liftedAt: true,
      reason: true,
      blog: { select: { id: true, slug: true, name: true } },
      user: { select: { id: true, role: true, name: true } },
    },
  });
  if (!sanction) throw new AppError("NOT_FOUND", "errors.notFound");
  await authorize(who, sanction.user, sanction.blog?.id ?? null);
  if (!isInForce(sanction, now)) throw new AppError("CONFLICT", "errors.sanctionNotInForce");
  await db.$transaction(async (tx) => {
    const { count } = await tx.sanction.updateMany({
      where: { id: sanction.id, liftedAt: null },
      data: { liftedAt: now, liftedById: who.id },
    });
    if (count !== 1) throw new AppError("CONFLICT", "errors.sanctionNotInForce");
    await recordAudit(tx, {
      actorId: who.id,
      blogId: sanction.blog?.id ?? null,
      action: "sanction.lift",
      subject: { type: "user", id: sanction.user.id, name: sanction.user.name },
      reason: input.reason,
      before: {
        sanction: sanction.id,
        kind: sanction.kind,
        ...(sanction.endsAt ? { endsAt: sanction.endsAt.toISOString() } : {}),
        lifted: false,
      },
      after: { sanction: sanction.id, kind: sanction.kind, lifted: true },
    });
    await tx.notification.create({
      data: {
        userId: sanction.user.id,
        kind: "sanction",
        detail: notice({
          kind: "lift",
          lifted: sanction.kind as SanctionKind,
          reason: input.reason,
          endsAt: null,
          blog: sanction.blog?.name ?? null,
          blogSlug: sanction.blog?.slug ?? null,
        }),
      },
    });
  });
  return { id: sanction.id, liftedAt: now };
}

const viewSelect = {
  id: true,
  kind: true,
  reason: true,
  createdAt: true,
  endsAt: true,
  liftedAt: true,
  blog: { select: { id: true, slug: true, name: true } },
  createdBy: { select: { name: true } },
  liftedById: true,
} as const;

type ViewRow = {
  id: string;
  kind: string;
  reason: string;
  createdAt: Date;
  endsAt: Date | null;
  liftedAt: Date | null;
  blog: { id: string; slug: string; name: string } | null;
  createdBy: { name: string } | null;
  liftedById: string | null;
};

async function toViews(rows: ViewRow[], now: Date): Promise<SanctionView[]> {
  const lifterIds = [...new Set(rows.map((row) => row.liftedById).filter((id): id is string => !!id))];
  const lifters = lifterIds.length
    ? await db.user.findMany({ where: { id: { in: lifterIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(lifters.map((user) => [user.id, user.name]));
  return rows.map(({ createdBy, liftedById, ...row }) => ({
    ...row,
    kind: row.kind as SanctionKind,
    createdBy: createdBy?.name ?? null,
    liftedBy: liftedById ? (names.get(liftedById) ?? null) : null,
    inForce: isInForce(row, now),
  }));
}

/**
 * listSanctionsOn: a person's sanctions on one blog and instance-wide, newest first, for the
 * blog's staff (canSeeSanctions); FORBIDDEN otherwise.
 */
export async function listSanctionsOn(
  actor: Actor,
  userId: string,
  blogId: string,
  viewerRole: BlogRole | null,
  now: Date = new Date(),
): Promise<SanctionView[]> {
  if (!canSeeSanctions(actor, viewerRole)) throw new AppError("FORBIDDEN", "errors.forbidden");
  const rows = await db.sanction.findMany({
    where: { userId, OR: [{ blogId }, { blogId: null }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: viewSelect,
  });
  return toViews(rows, now);
}

/**
 * listVisibleSanctions: every sanction of a person the actor may see: all of them for admins;
 * for others, those of the blogs they moderate, plus instance-wide ones (which bar those blogs
 * too). Someone who moderates no blog is refused (FORBIDDEN).
 */
export async function listVisibleSanctions(
  actor: Actor,
  handle: string,
  now: Date = new Date(),
): Promise<{ user: { id: string; handle: string; name: string }; sanctions: SanctionView[] }> {
  const who = requireActor(actor);
  const user = await db.user.findFirst({
    where: { handleKey: handle.replace(/^@/, "").toLowerCase(), deletedAt: null },
    select: { id: true, handle: true, name: true },
  });
  let blogIds: string[] | "all" = "all";
  if (!isAdmin(who)) {
    const memberships = await db.membership.findMany({
      where: { userId: who.id, role: { in: ["owner", "moderator"] } },
      select: { blogId: true, role: true },
    });
    blogIds = memberships.filter((m) => canSeeSanctions(who, m.role as BlogRole)).map((m) => m.blogId);
    if (!blogIds.length) throw new AppError("FORBIDDEN", "errors.forbidden");
  }
  if (!user) throw new AppError("NOT_FOUND", "errors.notFound");
  const rows = await db.sanction.findMany({
    where: { userId: user.id, ...(blogIds === "all" ? {} : { OR: [{ blogId: { in: blogIds } }, { blogId: null }] }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: viewSelect,
  });
  return { user, sanctions: await toViews(rows, now) };
}
