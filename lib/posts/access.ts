import "server-only";
import type { Tx } from "@/lib/db";
import { getBlogRole } from "@/lib/auth/blog-role";
import { canCreatePost, canEditPost, type Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";

/** Tx: lib/db's transaction client, re-exported for this domain's modules. */
export type { Tx };

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

/** requireBlogWriter: the blog's frenchTypography flag when the actor may write there; NOT_FOUND otherwise. */
export async function requireBlogWriter(tx: Tx, actor: Actor, blogId: string) {
  const blog = await tx.blog.findUnique({
    where: { id: blogId },
    select: { id: true, slug: true, frenchTypography: true, language: true },
  });
  const role = blog ? await getBlogRole(actor?.id, blogId, tx) : null;
  if (!blog || !role || !canCreatePost(actor, role)) throw notFound();
  return { ...blog, role };
}

const writableSelect = {
  id: true,
  blogId: true,
  authorId: true,
  slug: true,
  title: true,
  bodySource: true,
  excerpt: true,
  coverImageUrl: true,
  status: true,
  publishedAt: true,
  deletedAt: true,
  blog: { select: { slug: true, frenchTypography: true, language: true } },
} as const;

export type WritablePost = {
  id: string;
  blogId: string;
  authorId: string;
  slug: string;
  title: string;
  bodySource: string;
  excerpt: string | null;
  coverImageUrl: string | null;
  status: string;
  publishedAt: Date | null;
  deletedAt: Date | null;
  blog: { slug: string; frenchTypography: boolean; language: string };
};

/**
 * requireWritablePost: the post when the actor may edit it (its author with the author role,
 * or an owner of its blog). Anyone else gets NOT_FOUND, so drafts never leak their existence.
 */
export async function requireWritablePost(tx: Tx, actor: Actor, postId: string): Promise<WritablePost> {
  const post = await tx.post.findUnique({ where: { id: postId }, select: writableSelect });
  if (!post || !canEditPost(actor, await getBlogRole(actor?.id, post.blogId, tx), post)) throw notFound();
  return post;
}
