import { isAdmin, type Actor } from "./actor";

/** canEditProfile: people edit their own profile; admins may edit anyone's. */
export function canEditProfile(actor: Actor, userId: string): boolean {
  return Boolean(actor && (actor.id === userId || isAdmin(actor)));
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

/** canListAllBlogs: the admin page's list of every blog with its owners. */
export function canListAllBlogs(actor: Actor): boolean {
  return isAdmin(actor);
}

/** canUseApiTokens: every signed-in person may hold personal API tokens (they act as that person, checked action by action). */
export function canUseApiTokens(actor: Actor): boolean {
  return Boolean(actor);
}

/** canExportInstance: the whole instance's export (every person's address) is for admins only. */
export function canExportInstance(actor: Actor): boolean {
  return isAdmin(actor);
}
