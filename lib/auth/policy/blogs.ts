import { isAdmin, isBlogStaff, type Actor, type BlogRole } from "./actor";

/** canManageBlog: the blog's settings are for its owners and instance admins. */
export function canManageBlog(actor: Actor, role: BlogRole | null): boolean {
  return Boolean(actor && (role === "owner" || isAdmin(actor)));
}

/** canManageMembers: adding, re-roling and removing members: the same people as the settings. */
export function canManageMembers(actor: Actor, role: BlogRole | null): boolean {
  return canManageBlog(actor, role);
}

/** canModerateBlog: moderators and owners of the blog, and instance admins. */
export function canModerateBlog(actor: Actor, role: BlogRole | null): boolean {
  return Boolean(actor && (isBlogStaff(role) || isAdmin(actor)));
}

/** canExportBlog: a blog's whole export (people's addresses of its members included) is for its owners and instance admins. */
export function canExportBlog(actor: Actor, role: BlogRole | null): boolean {
  return canManageBlog(actor, role);
}
