import "server-only";
import { resolveBlogSlug } from "@/lib/blogs";
import { db } from "@/lib/db";
import { resolvePostSlug } from "@/lib/posts";
import { internalPostPath } from "../internal";

export type TargetPost = { id: string; blogId: string; authorId: string; title: string };

/**
 * resolveTargetPost: the published article of this instance that a URL names, through the
 * blog's and the article's old addresses too; null for anything else (a draft, a deleted
 * article, another site, a page that is not an article).
 */
export async function resolveTargetPost(url: string, origin?: string): Promise<TargetPost | null> {
  const path = internalPostPath(url, origin);
  if (!path) return null;
  const blog = await resolveBlogSlug(path.blog);
  if (!blog) return null;
  const blogSummary = blog.blog ?? (await resolveBlogSlug(blog.redirectTo))?.blog;
  if (!blogSummary) return null;
  let resolved = await resolvePostSlug(blogSummary.id, path.post);
  if (resolved && "redirectTo" in resolved) resolved = await resolvePostSlug(blogSummary.id, resolved.redirectTo);
  if (!resolved || !("postId" in resolved)) return null;
  return db.post.findUnique({
    where: { id: resolved.postId },
    select: { id: true, blogId: true, authorId: true, title: true },
  });
}
