import "server-only";
import { getBlogRole } from "@/lib/auth/blog-role";
import {
  canChangeInstanceSettings,
  canCreatePost,
  canManageBlog,
  canOpenBlog,
  parseBlogRole,
  type Actor,
  type BlogRole,
} from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

const OPEN_BLOG_CREATION = "open_blog_creation";

/** isOpenBlogCreation: true when the instance lets any signed-in person open a blog. */
export async function isOpenBlogCreation(): Promise<boolean> {
  const row = await db.setting.findUnique({ where: { key: OPEN_BLOG_CREATION }, select: { value: true } });
  return row?.value === "1";
}

/** canCreateBlog: admins always; other signed-in people when open blog creation is on. */
export async function canCreateBlog(viewer: Actor): Promise<boolean> {
  if (!viewer) return false;
  // Admins pass without the setting being read.
  if (canOpenBlog(viewer, false)) return true;
  return canOpenBlog(viewer, await isOpenBlogCreation());
}

/** setOpenBlogCreation: turns open blog creation on or off (admins only). */
export async function setOpenBlogCreation(actor: Actor, on: boolean): Promise<void> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
  if (!canChangeInstanceSettings(actor)) throw new AppError("FORBIDDEN", "errors.forbidden");
  const value = on ? "1" : "0";
  await db.setting.upsert({
    where: { key: OPEN_BLOG_CREATION },
    create: { key: OPEN_BLOG_CREATION, value },
    update: { value },
  });
}

export type ManageableBlog = {
  id: string;
  slug: string;
  name: string;
  tagline: string | null;
  logoUrl: string | null;
  accentColor: string | null;
  role: BlogRole;
  /** Owners and authors write there. */
  canWrite: boolean;
  /** Owners (and admins) edit the blog's settings and members. */
  canManage: boolean;
};

/** listManageableBlogs: the blogs the person belongs to, with their role there, by name. */
export async function listManageableBlogs(viewer: Actor): Promise<ManageableBlog[]> {
  if (!viewer) return [];
  const memberships = await db.membership.findMany({
    where: { userId: viewer.id },
    select: {
      role: true,
      blog: { select: { id: true, slug: true, name: true, tagline: true, logoUrl: true, accentColor: true } },
    },
    orderBy: { blog: { name: "asc" } },
  });
  return memberships.flatMap(({ role: stored, blog }) => {
    // A role the policy does not know grants nothing: such a blog is not listed as the person's.
    const role = parseBlogRole(stored);
    return role
      ? [{ ...blog, role, canWrite: canCreatePost(viewer, role), canManage: canManageBlog(viewer, role) }]
      : [];
  });
}

/**
 * assertCanManageBlog: the actor's id and role on an existing blog they may manage (settings
 * and members: canManageBlog, canManageMembers). Anonymous:
 * UNAUTHENTICATED; outsiders: NOT_FOUND (a blog's back office is not revealed); members who
 * are not owners: FORBIDDEN.
 */
export async function assertCanManageBlog(
  actor: Actor,
  blogId: string,
): Promise<{ actorId: string; role: BlogRole | null }> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
  const blog = await db.blog.findUnique({ where: { id: blogId }, select: { id: true } });
  if (!blog) throw new AppError("NOT_FOUND", "errors.notFound");
  const role = await getBlogRole(actor.id, blogId);
  if (canManageBlog(actor, role)) return { actorId: actor.id, role };
  throw role ? new AppError("FORBIDDEN", "errors.forbidden") : new AppError("NOT_FOUND", "errors.notFound");
}
