import "server-only";
import { db } from "@/lib/db";
import { publicPostWhere } from "./public";

/** publicPostId: the id of the article at /blog/post when anyone may read it (one indexed query). */
export async function publicPostId(blogSlug: string, postSlug: string): Promise<string | null> {
  const post = await db.post.findFirst({
    where: { slug: postSlug, blog: { slug: blogSlug }, ...publicPostWhere() },
    select: { id: true },
  });
  return post?.id ?? null;
}

/**
 * listedScopes: the page-cache scopes of the lists that show this article (lib/page-cache,
 * pageScope): its blog's home, its tags' pages and the home page (one query).
 */
export async function listedScopes(postId: string): Promise<string[]> {
  const post = await db.post.findUnique({
    where: { id: postId },
    select: { blog: { select: { slug: true } }, tags: { select: { tag: { select: { slug: true } } } } },
  });
  if (!post) return ["home"];
  return [`blog:${post.blog.slug}`, ...post.tags.map(({ tag }) => `tag:${tag.slug}`), "home"];
}
