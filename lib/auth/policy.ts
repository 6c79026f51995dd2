/** Who may do what. Pure functions of the acting person and the target; services call them. */

export type Actor = { id: string; role: string } | null;
export type BlogRole = "owner" | "author" | "moderator";

export const isAdmin = (actor: Actor) => actor?.role === "admin";

/** canEditProfile: people edit their own profile; admins may edit anyone's. */
export function canEditProfile(actor: Actor, userId: string): boolean {
  return Boolean(actor && (actor.id === userId || isAdmin(actor)));
}

/** canManageBlog: owners of the blog and instance admins. */
export function canManageBlog(actor: Actor, role: BlogRole | null): boolean {
  return Boolean(actor && (role === "owner" || isAdmin(actor)));
}

/** canModerateBlog: moderators and owners of the blog, and instance admins. */
export function canModerateBlog(actor: Actor, role: BlogRole | null): boolean {
  return Boolean(actor && (role === "owner" || role === "moderator" || isAdmin(actor)));
}

/** canWritePost: an author edits their own posts; owners edit any post of their blog. */
export function canWritePost(actor: Actor, role: BlogRole | null, authorId?: string): boolean {
  if (!actor) return false;
  if (role === "owner") return true;
  return role === "author" && (authorId === undefined || authorId === actor.id);
}

/** canOpenBlog: admins always create blogs; other signed-in people when the instance allows it. */
export function canOpenBlog(actor: Actor, openCreation: boolean): boolean {
  return Boolean(actor && (isAdmin(actor) || openCreation));
}

/** canAppointBlogOwner: only instance admins create a blog on someone else's behalf. */
export function canAppointBlogOwner(actor: Actor): boolean {
  return isAdmin(actor);
}

/** canChangeInstanceSettings: instance-wide settings (e.g. open blog creation) are for admins. */
export function canChangeInstanceSettings(actor: Actor): boolean {
  return isAdmin(actor);
}
