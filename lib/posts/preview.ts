import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { requireWritablePost } from "./access";
import { tableOfContents, type PublicPost } from "./public-post";

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
    select: {
      id: true,
      blogId: true,
      slug: true,
      title: true,
      bodyHtml: true,
      headingsJson: true,
      readingMinutes: true,
      excerpt: true,
      coverImageUrl: true,
      publishedAt: true,
      updatedAt: true,
      author: { select: { id: true, handle: true, name: true, image: true } },
      tags: { select: { tag: { select: { slug: true, name: true } } } },
    },
  });
  const { headingsJson, ...rest } = post;
  const publishedAt = post.publishedAt ?? new Date();
  return {
    ...rest,
    publishedAt,
    updatedAt: post.updatedAt > publishedAt ? post.updatedAt : publishedAt,
    tags: post.tags.map(({ tag }) => tag),
    // What the render stored with the text (lib/posts/render.ts), as on the public page.
    toc: tableOfContents(headingsJson),
    citedBy: [],
    web: { mentions: [], likes: [], reposts: [] },
  };
}
