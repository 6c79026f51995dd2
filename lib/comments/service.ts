import "server-only";
import { db } from "@/lib/db";
import { buildCommentTree, type CommentNode } from "./tree";

export type ThreadComment = {
  id: string;
  parentId: string | null;
  status: string;
  createdAt: Date;
  editedAt: Date | null;
  bodyHtml: string;
  guestName: string | null;
  author: { id: string; handle: string; name: string; image: string | null } | null;
};

/**
 * listPostThread: the article's discussion as a tree, in two queries whatever its size
 * (comments, then their authors). Hidden comments come back as placeholders only when
 * visible replies hang under them; their body is blanked so it never reaches the page.
 */
export async function listPostThread(postId: string): Promise<{ tree: CommentNode<ThreadComment>[]; count: number }> {
  const rows = await db.comment.findMany({
    where: { postId },
    select: {
      id: true,
      parentId: true,
      status: true,
      createdAt: true,
      editedAt: true,
      bodyHtml: true,
      guestName: true,
      author: { select: { id: true, handle: true, name: true, image: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  const comments = rows.map((row) => (row.status === "approved" ? row : { ...row, bodyHtml: "" }));
  const tree = buildCommentTree(comments);
  const count = rows.filter((row) => row.status === "approved").length;
  return { tree, count };
}
