import "server-only";
import { getBlogRoles } from "@/lib/auth/blog-role";
import {
  canSanction,
  canSeeInstanceQueue,
  canSeeSanctions,
  isAdmin,
  type Actor,
  type BlogRole,
} from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseJsonObject } from "./audit-format";
import type { AuditLogEntry } from "./audit-log";
import { isInForce, listSanctionsOn, listVisibleSanctions, type SanctionView } from "./sanctions";

/** A person's record on one blog, as its moderators see it (the people page). */
export type PersonRecord = {
  person: {
    id: string;
    handle: string;
    name: string;
    image: string | null;
    isAdmin: boolean;
    blogRole: BlogRole | null;
  };
  blog: { id: string; slug: string; name: string };
  counts: {
    approved: number;
    pending: number;
    hidden: number;
    removed: number;
    spam: number;
    deleted: number;
    reports: number;
  };
  recent: { id: string; status: string; createdAt: Date; bodyHtml: string; post: { slug: string; title: string } }[];
  sanctions: SanctionView[];
  inForce: SanctionView[];
  audit: AuditLogEntry[];
  /** What the viewer may do here. */
  can: { sanction: boolean; sanctionInstance: boolean };
};

const RECENT = 10;
const AUDIT_ABOUT = 30;

/**
 * getPersonRecord: for a blog's staff and admins (canSeeSanctions), a person's comments record on
 * the blog (counts by status, reports received, recent comments), their sanctions there and
 * instance-wide, and the audit entries about them or their comments. NOT_FOUND for an unknown
 * handle; FORBIDDEN for others. A fixed number of queries.
 */
export async function getPersonRecord(
  actor: Actor,
  blog: { id: string; slug: string; name: string },
  handle: string,
  now: Date = new Date(),
): Promise<PersonRecord> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
  const user = await db.user.findFirst({
    where: { handleKey: handle.replace(/^@/, "").toLowerCase(), deletedAt: null },
    select: { id: true, handle: true, name: true, image: true, role: true },
  });
  const roles = await getBlogRoles(blog.id, [actor.id, ...(user ? [user.id] : [])]);
  const viewerRole = roles.get(actor.id) ?? null;
  if (!canSeeSanctions(actor, viewerRole)) throw new AppError("FORBIDDEN", "errors.forbidden");
  if (!user) throw new AppError("NOT_FOUND", "errors.notFound");
  const blogRole = roles.get(user.id) ?? null;
  const onBlog = { authorId: user.id, post: { blogId: blog.id } };
  const [groups, reports, recent, ids, sanctions] = await Promise.all([
    db.comment.groupBy({ by: ["status"], where: onBlog, _count: { _all: true } }),
    db.report.count({ where: { comment: onBlog } }),
    db.comment.findMany({
      where: onBlog,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RECENT,
      select: {
        id: true,
        status: true,
        createdAt: true,
        bodyHtml: true,
        post: { select: { slug: true, title: true } },
      },
    }),
    db.comment.findMany({
      where: onBlog,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 200,
      select: { id: true },
    }),
    listSanctionsOn(actor, user.id, blog.id, viewerRole, now),
  ]);
  const audit = await db.auditEntry.findMany({
    where: {
      OR: [
        { subjectType: "user", subjectId: user.id, OR: [{ blogId: blog.id }, { blogId: null }] },
        { subjectType: "comment", subjectId: { in: ids.map((row) => row.id) }, blogId: blog.id },
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_ABOUT,
  });
  const count = (status: string) => groups.find((group) => group.status === status)?._count._all ?? 0;
  const target = { id: user.id, role: user.role, blogRole };
  return {
    person: { id: user.id, handle: user.handle, name: user.name, image: user.image, isAdmin: isAdmin(user), blogRole },
    blog,
    counts: {
      approved: count("approved"),
      pending: count("pending"),
      hidden: count("hidden"),
      removed: count("removed"),
      spam: count("spam"),
      deleted: count("deleted"),
      reports,
    },
    recent,
    sanctions,
    inForce: sanctions.filter((s) => isInForce(s, now)),
    audit: audit.map(({ before, after, ...row }) => ({
      ...row,
      before: parseJsonObject(before),
      after: parseJsonObject(after),
    })),
    can: {
      sanction: canSanction(actor, viewerRole, target, "blog"),
      sanctionInstance: canSanction(actor, viewerRole, { ...target, blogRole: null }, "instance"),
    },
  };
}

/**
 * moderatedPanel: for the public profile, what the viewer may see as staff: the blogs they
 * moderate (links to the person's page there) and the person's sanctions in force on those
 * blogs and instance-wide. null for anyone who moderates nothing (and for a guest).
 */
export async function moderatorPanel(
  actor: Actor,
  userId: string,
  now: Date = new Date(),
): Promise<{ blogs: { slug: string; name: string }[]; inForce: SanctionView[]; admin: boolean } | null> {
  if (!actor || actor.id === userId) return null;
  const admin = isAdmin(actor);
  const memberships = await db.membership.findMany({
    where: { userId: actor.id, role: { in: ["owner", "moderator"] } },
    select: { role: true, blog: { select: { id: true, slug: true, name: true } } },
    orderBy: { blog: { name: "asc" } },
    take: 50,
  });
  const staffOf = memberships.filter((m) => canSeeSanctions(actor, m.role as BlogRole)).map((m) => m.blog);
  if (!admin && !staffOf.length) return null;
  // Admins moderate every blog: those the person took part in are linked (and the admin's own).
  const blogs = admin
    ? await db.blog.findMany({
        where: {
          OR: [
            { posts: { some: { comments: { some: { authorId: userId } } } } },
            { id: { in: staffOf.map((b) => b.id) } },
          ],
        },
        select: { id: true, slug: true, name: true },
        orderBy: { name: "asc" },
        take: 20,
      })
    : staffOf;
  const rows = await db.sanction.findMany({
    where: {
      userId,
      liftedAt: null,
      kind: { in: ["suspension", "ban"] },
      OR: [{ endsAt: null }, { endsAt: { gt: now } }],
      ...(admin ? {} : { AND: [{ OR: [{ blogId: { in: staffOf.map((b) => b.id) } }, { blogId: null }] }] }),
    },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      kind: true,
      reason: true,
      createdAt: true,
      endsAt: true,
      liftedAt: true,
      blog: { select: { id: true, slug: true, name: true } },
      createdBy: { select: { name: true } },
    },
  });
  return {
    admin,
    blogs: blogs.map(({ slug, name }) => ({ slug, name })),
    inForce: rows.map(({ createdBy, ...row }) => ({
      ...row,
      kind: row.kind as SanctionView["kind"],
      createdBy: createdBy?.name ?? null,
      liftedBy: null,
      inForce: true,
    })),
  };
}

/**
 * getInstancePersonRecord: for admins (canSeeInstanceQueue), a person's sanctions on every blog
 * and instance-wide, and the audit entries about them anywhere; FORBIDDEN for others.
 */
export async function getInstancePersonRecord(actor: Actor, handle: string, now: Date = new Date()) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
  if (!canSeeInstanceQueue(actor)) throw new AppError("FORBIDDEN", "errors.forbidden");
  const { user, sanctions } = await listVisibleSanctions(actor, handle, now);
  const [full, audit] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { role: true } }),
    db.auditEntry.findMany({
      where: { subjectType: "user", subjectId: user.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: AUDIT_ABOUT,
    }),
  ]);
  return {
    person: { ...user, isAdmin: isAdmin({ id: user.id, role: full.role }) },
    sanctions,
    inForce: sanctions.filter((s) => s.inForce),
    audit: audit.map(({ before, after, ...row }) => ({
      ...row,
      before: parseJsonObject(before),
      after: parseJsonObject(after),
    })),
    canSanction: canSanction(actor, null, { id: user.id, role: full.role, blogRole: null }, "instance"),
  };
}
