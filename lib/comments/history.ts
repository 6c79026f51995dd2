import "server-only";
import { canSeeEditHistory } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import type { Actor } from "./context";
import { loadPostContext } from "./context";

export type CommentEdit = { bodySource: string; createdAt: Date };

/**
 * listEditHistory: the earlier texts of the article's edited comments, for its moderators only
 * (an empty map for anyone else). One query for the whole thread.
 */
export async function listEditHistory(viewer: Actor, postId: string): Promise<Map<string, CommentEdit[]>> {
  const history = new Map<string, CommentEdit[]>();
  if (!viewer) return history;
  const context = await loadPostContext(postId, viewer);
  if (!canSeeEditHistory(viewer, context.viewerRole)) return history;
  const rows = await db.commentRevision.findMany({
    where: { comment: { postId } },
    select: { commentId: true, bodySource: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  for (const row of rows) {
    const list = history.get(row.commentId) ?? [];
    list.push({ bodySource: row.bodySource, createdAt: row.createdAt });
    history.set(row.commentId, list);
  }
  return history;
}
