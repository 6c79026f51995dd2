import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { requireWritablePost } from "./access";
import { publicPostChanged } from "./indexing";
import { isPublic } from "./public";
import { forgetRemovedPostPaths } from "./removed";

/** deletePost: soft delete: the post disappears from every public read and can be restored. */
export async function deletePost(actor: Actor, postId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const post = await requireWritablePost(tx, actor, postId);
    if (!post.deletedAt) await tx.post.update({ where: { id: post.id }, data: { deletedAt: new Date() } });
  });
  forgetRemovedPostPaths();
  await publicPostChanged(postId, "remove");
}

/** restorePost: undoes deletePost; the post comes back with its previous status and date. */
export async function restorePost(actor: Actor, postId: string): Promise<void> {
  const restored = await db.$transaction(async (tx) => {
    const post = await requireWritablePost(tx, actor, postId);
    return tx.post.update({
      where: { id: post.id },
      data: { deletedAt: null },
      select: { id: true, status: true, publishedAt: true, deletedAt: true },
    });
  });
  forgetRemovedPostPaths();
  if (isPublic(restored)) await publicPostChanged(postId, "index");
}
