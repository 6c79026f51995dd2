import { canModerateBlog, isAdmin, type BlogRole } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { CommentPolicySchema, type CommentPolicy } from "./schemas";

type Actor = { id: string; role: string } | null;

/** effectivePolicy: the article's override when set, else the blog's setting (unknown values read as closed). */
export function effectivePolicy(postPolicy: string | null, blogPolicy: string): CommentPolicy {
  const parsed = CommentPolicySchema.safeParse(postPolicy ?? blogPolicy);
  return parsed.success ? parsed.data : "closed";
}

/** Why someone may not comment; the UI shows the matching message instead of the form. */
export type CommentRefusal = "closed" | "membersOnly" | "signIn";

/** CommentAccess: whether the viewer may comment here, and whether their comment waits for review. */
export type CommentAccess =
  | { canComment: true; asGuest: boolean; held: boolean }
  | { canComment: false; reason: CommentRefusal; guestsAllowed: false };

/**
 * commentAccess: closed admits nobody; "members" admits the blog's members and instance admins;
 * "open" admits every signed-in person and, where the blog allows it, guests, whose comments
 * are held for moderation.
 */
export function commentAccess(input: {
  policy: CommentPolicy;
  allowGuests: boolean;
  viewer: Actor;
  viewerRole: BlogRole | null;
}): CommentAccess {
  const { policy, allowGuests, viewer, viewerRole } = input;
  if (policy === "closed") return { canComment: false, reason: "closed", guestsAllowed: false };
  if (policy === "members") {
    if (viewer && (viewerRole || isAdmin(viewer))) return { canComment: true, asGuest: false, held: false };
    return { canComment: false, reason: viewer ? "membersOnly" : "signIn", guestsAllowed: false };
  }
  if (viewer) return { canComment: true, asGuest: false, held: false };
  if (allowGuests) return { canComment: true, asGuest: true, held: true };
  return { canComment: false, reason: "signIn", guestsAllowed: false };
}

const refusals: Record<CommentRefusal, AppError> = {
  closed: new AppError("FORBIDDEN", "errors.commentsClosed"),
  membersOnly: new AppError("FORBIDDEN", "errors.commentsMembersOnly"),
  signIn: new AppError("UNAUTHENTICATED", "errors.signInToComment"),
};

/** assertCanComment: throws the refusal as an AppError (FORBIDDEN, or UNAUTHENTICATED for "sign in first"). */
export function assertCanComment(
  access: CommentAccess,
): asserts access is Extract<CommentAccess, { canComment: true }> {
  if (!access.canComment) {
    const error = refusals[access.reason];
    throw new AppError(error.code, error.message);
  }
}

/** canSeeComment: approved comments are public; a held one only to the blog's moderators and its own author. */
export function canSeeComment(
  comment: { status: string; authorId: string | null },
  viewer: { id: string } | null,
  canModerate: boolean,
): boolean {
  if (comment.status === "approved") return true;
  if (comment.status !== "pending") return false;
  return canModerate || Boolean(viewer && comment.authorId === viewer.id);
}

/** canModerateComments: the blog's owners and moderators, and instance admins. */
export function canModerateComments(viewer: Actor, role: BlogRole | null): boolean {
  return canModerateBlog(viewer, role);
}
