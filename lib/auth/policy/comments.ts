import { activeSanction, isAdmin, type Actor, type BlogRole, type Participant, type Sanction } from "./actor";
import { canModerateBlog } from "./blogs";

/** A discussion's rule (the article's override, else the blog's): who may comment. */
export type CommentPolicy = "open" | "members" | "closed";

/** Why someone may not comment; the UI shows the matching message instead of the form. */
export type CommentRefusal = "closed" | "locked" | "membersOnly" | "signIn" | "sanctioned";

/** CommentAccess: whether the viewer may comment here, and whether their comment waits for review. */
export type CommentAccess =
  | { canComment: true; asGuest: boolean; held: boolean }
  | { canComment: false; reason: CommentRefusal; guestsAllowed: false; sanction?: Sanction };

const DAY_MS = 86_400_000;

/**
 * discussionExpired: the blog closes discussions `closeAfterDays` days after publication
 * (null: never); an unpublished article (no date) never expires.
 */
export function discussionExpired(
  publishedAt: Date | null | undefined,
  closeAfterDays: number | null | undefined,
  now: Date = new Date(),
): boolean {
  if (!publishedAt || closeAfterDays === null || closeAfterDays === undefined) return false;
  return publishedAt.getTime() + closeAfterDays * DAY_MS < now.getTime();
}

/**
 * commentAccess: closed admits nobody, nor does a discussion past the blog's automatic closing
 * (publishedAt + closeAfterDays, read against `now`); a thread a moderator locked admits nobody
 * (existing comments stay); a person suspended or banned there is refused;
 * "members" admits the blog's members and instance admins; "open" admits every signed-in
 * person and, where the blog allows it, guests, whose comments are held for moderation.
 * Replying is commenting (plus seeing the parent: canSeeComment).
 */
export function commentAccess(input: {
  policy: CommentPolicy;
  allowGuests: boolean;
  viewer: Actor;
  viewerRole: BlogRole | null;
  blogId: string;
  /** The article's thread is locked by moderation (Post.lockedAt set). */
  locked?: boolean;
  /** The article's publication and the blog's automatic closing (Blog.closeAfterDays; null: never). */
  publishedAt?: Date | null;
  closeAfterDays?: number | null;
  now?: Date;
}): CommentAccess {
  const { policy, allowGuests, viewer, viewerRole } = input;
  if (policy === "closed" || discussionExpired(input.publishedAt, input.closeAfterDays, input.now))
    return { canComment: false, reason: "closed", guestsAllowed: false };
  if (input.locked) return { canComment: false, reason: "locked", guestsAllowed: false };
  const sanction = viewer ? activeSanction(viewer, input.blogId, input.now) : null;
  // The sanction itself goes along: the page says until when, and why.
  if (sanction) return { canComment: false, reason: "sanctioned", guestsAllowed: false, sanction };
  if (policy === "members") {
    if (viewer && (viewerRole || isAdmin(viewer))) return { canComment: true, asGuest: false, held: false };
    return { canComment: false, reason: viewer ? "membersOnly" : "signIn", guestsAllowed: false };
  }
  if (viewer) return { canComment: true, asGuest: false, held: false };
  if (allowGuests) return { canComment: true, asGuest: true, held: true };
  return { canComment: false, reason: "signIn", guestsAllowed: false };
}

type CommentFacts = { authorId: string | null; status: string };

/** isStanding: approved or held, i.e. not deleted, removed or spam. */
const isStanding = (comment: CommentFacts) => comment.status === "approved" || comment.status === "pending";

/** The statuses of a comment moderation took down or hid: readers see a placeholder, moderators the text. */
const MODERATED_STATUSES: readonly string[] = ["removed", "hidden"];

/**
 * canSeeComment: approved comments are public; a held one only to the blog's moderators and
 * its own author; a removed or hidden (reported, pending review) one only to the blog's
 * moderators (readers, its author included, see a placeholder); spam and deleted ones to nobody
 * in the thread (moderators review spam in the queue's Spam tab, where bots' comments belong).
 */
export function canSeeComment(
  comment: { status: string; authorId: string | null },
  viewer: { id: string } | null,
  canModerate: boolean,
): boolean {
  if (comment.status === "approved") return true;
  if (MODERATED_STATUSES.includes(comment.status)) return canModerate;
  if (comment.status !== "pending") return false;
  return canModerate || Boolean(viewer && comment.authorId === viewer.id);
}

/**
 * slowModeWait: in slow mode (one comment per person every `seconds`), how many seconds the
 * actor still has to wait after their last comment on the article (0: they may comment now).
 * The blog's moderators (and admins) are exempt.
 */
export function slowModeWait(input: {
  actor: Actor;
  role: BlogRole | null;
  seconds: number | null;
  lastCommentAt: Date | null;
  now?: Date;
}): number {
  const { seconds, lastCommentAt } = input;
  if (!seconds || !lastCommentAt || canModerateBlog(input.actor, input.role)) return 0;
  const now = input.now ?? new Date();
  const left = lastCommentAt.getTime() + seconds * 1000 - now.getTime();
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

/** canModerateComments: approve, reject, mark as spam, see held comments and edit histories. */
export function canModerateComments(actor: Actor, role: BlogRole | null): boolean {
  return canModerateBlog(actor, role);
}

/**
 * canSeeHeldComments: every held comment of the blog (not only one’s own).
 * @alias its own name for the act; the rule is canModerateComments
 */
export const canSeeHeldComments = canModerateComments;

/**
 * canSeeEditHistory: the earlier texts of edited comments.
 * @alias its own name for the act; the rule is canModerateComments
 */
export const canSeeEditHistory = canModerateComments;

/** Why an author may not change their own comment. */
export type OwnCommentRefusal = "signIn" | "notYourComment" | "commentGone";

/** ownCommentRefusal: only the author touches their own comment, and only while it stands. */
export function ownCommentRefusal(actor: Actor, comment: CommentFacts): OwnCommentRefusal | null {
  if (!actor) return "signIn";
  if (comment.authorId !== actor.id) return "notYourComment";
  if (!isStanding(comment)) return "commentGone";
  return null;
}

/**
 * canEditComment: the author rewrites their own standing comment while they may still comment
 * on the article (`access`). Nobody edits someone else's (moderators' edits come with
 * canModeratorEditComment).
 */
export function canEditComment(actor: Actor, comment: CommentFacts, access: CommentAccess): boolean {
  return ownCommentRefusal(actor, comment) === null && access.canComment;
}

/** canDeleteComment: the author withdraws their own standing comment (even once discussion closed). Others' go through canRemoveComment. */
export function canDeleteComment(actor: Actor, comment: CommentFacts): boolean {
  return ownCommentRefusal(actor, comment) === null;
}

/** Why someone may not like, report or mention. */
export type ParticipationRefusal = "signIn" | "ownComment" | "sanctioned";

/** likeRefusal: likes are for signed-in people, never on their own comment, never while sanctioned there. */
export function likeRefusal(
  actor: Actor,
  comment: { authorId: string | null },
  blogId: string,
  now?: Date,
): ParticipationRefusal | null {
  if (!actor) return "signIn";
  if (comment.authorId === actor.id) return "ownComment";
  if (activeSanction(actor, blogId, now)) return "sanctioned";
  return null;
}

export function canLikeComment(actor: Actor, comment: { authorId: string | null }, blogId: string, now?: Date) {
  return likeRefusal(actor, comment, blogId, now) === null;
}

/** canSuggestMentions: the @ autocomplete (and the mention notices it leads to) for signed-in people not sanctioned there. */
export function canSuggestMentions(actor: Participant, blogId: string, now?: Date): boolean {
  return Boolean(actor && !activeSanction(actor, blogId, now));
}

/**
 * canNotifyMentions: whether a comment by this person tells the people it mentions.
 * @alias its own name for the act; the rule is canSuggestMentions
 */
export const canNotifyMentions = canSuggestMentions;

/** canFollowPost: following an article's discussion needs an account. */
export function canFollowPost(actor: Actor): boolean {
  return Boolean(actor);
}

/** canPreviewComment: anyone may preview (guests too; rate limited per person or address). */
export function canPreviewComment(_actor: Actor): boolean {
  return true;
}
