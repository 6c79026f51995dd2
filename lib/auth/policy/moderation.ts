import { activeSanction, isAdmin, type Actor, type BlogRole } from "./actor";
import { canModerateBlog } from "./blogs";

// The moderation acts of issue 11 (queue, thread tools, reports, sanctions, audit log), defined
// before the features that will call them, so every one starts from the same matrix.

/** canSeeModerationQueue: a blog's queue (/write/<blog>/moderation): its owners and moderators, admins. */
export const canSeeModerationQueue = canModerateBlog;

/** canSeeInstanceQueue: the queue of every blog (/moderation): admins. */
export function canSeeInstanceQueue(actor: Actor): boolean {
  return isAdmin(actor);
}

/** canRemoveComment / canRestoreComment: take a published comment down with a reason, bring it back. */
export const canRemoveComment = canModerateBlog;
export const canRestoreComment = canModerateBlog;

/** canModeratorEditComment: edit someone else's comment with a visible moderator's note. */
export const canModeratorEditComment = canModerateBlog;

/** canLockThread / canPinComment / canSetSlowMode: the thread tools of an article. */
export const canLockThread = canModerateBlog;
export const canPinComment = canModerateBlog;
export const canSetSlowMode = canModerateBlog;

/** canReportComment: signed-in people report others' comments, unless sanctioned there. */
export function canReportComment(actor: Actor, comment: { authorId: string | null }, blogId: string, now?: Date) {
  return Boolean(actor && comment.authorId !== actor.id && !activeSanction(actor, blogId, now));
}

/** canSeeReports: who reported what (never shown to the reported person). */
export const canSeeReports = canModerateBlog;

/** The person a sanction would fall on. */
export type SanctionTarget = { id: string; role: string; blogRole: BlogRole | null };

/**
 * canSanction: warn, suspend or ban. On a blog: its moderators sanction people without a staff
 * role there, its owners anyone but other owners, admins anyone but admins. Instance-wide: admins
 * only. Nobody sanctions themselves or an instance admin.
 */
export function canSanction(
  actor: Actor,
  role: BlogRole | null,
  target: SanctionTarget,
  scope: "blog" | "instance",
): boolean {
  if (!actor || target.id === actor.id || isAdmin(target)) return false;
  if (isAdmin(actor)) return true;
  if (scope === "instance") return false;
  if (role === "owner") return target.blogRole !== "owner";
  if (role === "moderator") return target.blogRole === null || target.blogRole === "author";
  return false;
}

/** canSeeSanctions: a person's sanctions and record on a blog (the people page): its owners and moderators, admins. */
export const canSeeSanctions = canModerateBlog;

/** canReadAuditLog: a blog's log (/write/<blog>/moderation/log): its owners and moderators, admins. */
export const canReadAuditLog = canModerateBlog;

/** canReadInstanceAuditLog: the log of every blog (/moderation/log): admins. */
export function canReadInstanceAuditLog(actor: Actor): boolean {
  return isAdmin(actor);
}
