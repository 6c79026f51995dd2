import "server-only";
import { db } from "@/lib/db";
import { ownCommentRefusal } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import type { Actor, CommentViewer } from "./context";

const select = {
  id: true,
  postId: true,
  parentId: true,
  authorId: true,
  guestName: true,
  status: true,
  bodySource: true,
  author: { select: { name: true } },
  mentions: { select: { userId: true } },
} as const;

/** requireSignedIn: the viewer, or UNAUTHENTICATED. */
export function requireSignedIn(viewer: Actor): CommentViewer {
  if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
  return viewer;
}

/** loadComment: a comment with what edits and moderation need, or NOT_FOUND. */
export async function loadComment(commentId: string) {
  const comment = await db.comment.findUnique({ where: { id: commentId }, select });
  if (!comment) throw new AppError("NOT_FOUND", "errors.notFound");
  return comment;
}

/** loadOwnComment: the viewer's own standing (approved or held) comment; FORBIDDEN for anyone else's. */
export async function loadOwnComment(viewer: Actor, commentId: string) {
  const actor = requireSignedIn(viewer);
  const comment = await loadComment(commentId);
  const refusal = ownCommentRefusal(actor, comment);
  if (refusal) throw new AppError("FORBIDDEN", `errors.${refusal}`);
  return { actor, comment };
}
