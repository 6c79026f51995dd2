import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { requireWritablePost } from "./access";
import { presentPost, PUBLIC_POST_SELECT, type PublicPost } from "./public-post";

/**
 * getPostPreview: a post of any status shaped as its public page shows it (same PublicPost as
 * getPublicPost, without citations or reactions, which only public articles gather), for those who
 * may edit it; NOT_FOUND for everyone else, so a draft's existence never leaks. A post without
 * a date yet is shown as if published now.
 */
export async function getPostPreview(actor: Actor, postId: string): Promise<PublicPost & { blogId: string }> {
  await requireWritablePost(db, actor, postId);
  const post = await db.post.findUniqueOrThrow({
    where: { id: postId },
    select: { ...PUBLIC_POST_SELECT, blogId: true },
  });
  const publishedAt = post.publishedAt ?? new Date();
  return {
    ...presentPost(post, publishedAt),
    blogId: post.blogId,
    updatedAt: post.updatedAt > publishedAt ? post.updatedAt : publishedAt,
    citedBy: [],
    web: { mentions: [], likes: [], reposts: [] },
  };
}
