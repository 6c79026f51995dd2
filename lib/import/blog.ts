import "server-only";
import { canManageBlog, parseBlogRole, type Actor } from "@/lib/auth/policy";
import { BlogSlugSchema } from "@/lib/blogs";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { EmailSchema } from "@/lib/users";

export type ImportTarget = {
  id: string;
  slug: string;
  frenchTypography: boolean;
  language: string;
  created: boolean;
};

/** Who runs an import: the server's operator (the command) or a signed-in person (a blog's settings page). */
export type ImportActor = { kind: "operator"; ownerEmail?: string } | { kind: "person"; actor: NonNullable<Actor> };

const select = { id: true, slug: true, frenchTypography: true, language: true } as const;

/**
 * assertCanImport: the blog, when the person may import into it (its owners and instance
 * admins, lib/auth/policy); NOT_FOUND for a blog they cannot see, FORBIDDEN otherwise.
 */
export async function assertCanImport(actor: NonNullable<Actor>, slug: string) {
  const blog = await db.blog.findUnique({ where: { slug: BlogSlugSchema.parse(slug) }, select });
  if (!blog) throw new AppError("NOT_FOUND", "errors.notFound");
  const membership = await db.membership.findUnique({
    where: { blogId_userId: { blogId: blog.id, userId: actor.id } },
    select: { role: true },
  });
  const role = parseBlogRole(membership?.role);
  if (!canManageBlog(actor, role))
    throw role ? new AppError("FORBIDDEN", "errors.forbidden") : new AppError("NOT_FOUND", "errors.notFound");
  return blog;
}

/**
 * importTarget: the blog an import writes into. The operator's import creates it when missing,
 * named after the site and in its language, owned by `ownerEmail` or the first administrator;
 * a person's import needs an existing blog they may manage (lib/auth/policy).
 */
export async function importTarget(
  slug: string,
  actor: ImportActor,
  site: { name: string; language: string },
): Promise<ImportTarget> {
  const blogSlug = BlogSlugSchema.parse(slug);
  const blog = await db.blog.findUnique({ where: { slug: blogSlug }, select });
  if (actor.kind === "person") {
    if (!blog) throw new AppError("NOT_FOUND", "errors.notFound");
    const membership = await db.membership.findUnique({
      where: { blogId_userId: { blogId: blog.id, userId: actor.actor.id } },
      select: { role: true },
    });
    if (!canManageBlog(actor.actor, parseBlogRole(membership?.role)))
      throw new AppError("FORBIDDEN", "errors.forbidden");
    return { ...blog, created: false };
  }
  if (blog) return { ...blog, created: false };
  const owner = actor.ownerEmail
    ? await db.user.findUnique({ where: { email: EmailSchema.parse(actor.ownerEmail) }, select: { id: true } })
    : await db.user.findFirst({
        where: { role: "admin", deletedAt: null },
        orderBy: { createdAt: "asc" },
        select: { id: true },
      });
  if (!owner)
    throw new Error(
      actor.ownerEmail
        ? `No account has the e-mail ${actor.ownerEmail}.`
        : "The instance has no administrator yet: pass --owner <email>.",
    );
  const language = /^fr\b/i.test(site.language) ? "fr" : "en";
  const created = await db.blog.create({
    data: {
      slug: blogSlug,
      name: site.name.trim().slice(0, 80) || blogSlug,
      language,
      frenchTypography: language === "fr",
      memberships: { create: { userId: owner.id, role: "owner" } },
    },
    select,
  });
  return { ...created, created: true };
}
