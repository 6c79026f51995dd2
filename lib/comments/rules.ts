import { AppError } from "@/lib/errors";
import type { CommentAccess, CommentRefusal } from "@/lib/auth/policy";
import { CommentPolicySchema, type CommentPolicy } from "./schemas";

// Who may comment, see, edit, like and moderate lives in lib/auth/policy; re-exported for the comment services.
export { commentAccess, canSeeComment, canModerateComments, type CommentAccess } from "@/lib/auth/policy";

/** effectivePolicy: the article's override when set, else the blog's setting (unknown values read as closed). */
export function effectivePolicy(postPolicy: string | null, blogPolicy: string): CommentPolicy {
  const parsed = CommentPolicySchema.safeParse(postPolicy ?? blogPolicy);
  return parsed.success ? parsed.data : "closed";
}

const refusals: Record<CommentRefusal, AppError> = {
  closed: new AppError("FORBIDDEN", "errors.commentsClosed"),
  locked: new AppError("FORBIDDEN", "errors.threadLocked"),
  membersOnly: new AppError("FORBIDDEN", "errors.commentsMembersOnly"),
  signIn: new AppError("UNAUTHENTICATED", "errors.signInToComment"),
  sanctioned: new AppError("FORBIDDEN", "errors.sanctioned"),
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
