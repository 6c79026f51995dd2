import "server-only";
import { getBlogRole } from "@/lib/auth/blog-role";
import { writerPostScope, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { consume } from "@/lib/security";
import { requireBlogWriter, requireWritablePost } from "./access";
import { effectiveStatus } from "./public";
import { previewPostBody } from "./render";
import { isPlaceholderSlug } from "./slugs";

export type EditorPost = {
  id: string;
  blog: { id: string; slug: string; name: string };
  /** The chosen slug, or "" while the draft still has its placeholder. */
  slug: string;
  title: string;
  bodySource: string;
  bodyHtml: string;
  excerpt: string;
  tags: string[];
  coverImageUrl: string | null;
  /** This article's own comment rule, or null for the blog's. */
  commentPolicy: string | null;
  status: "draft" | "scheduled" | "published";
  publishedAt: Date | null;
  deletedAt: Date | null;
  updatedAt: Date;
};

/** getPostForEditor: everything the editor shows, for those who may edit the post (NOT_FOUND otherwise). */
export async function getPostForEditor(actor: Actor, postId: string): Promise<EditorPost> {
  await requireWritablePost(db, actor, postId);
  const post = await db.post.findUniqueOrThrow({
    where: { id: postId },
    select: {
      id: true,
      slug: true,
      title: true,
      bodySource: true,
      bodyHtml: true,
      excerpt: true,
      coverImageUrl: true,
      commentPolicy: true,
      status: true,
      publishedAt: true,
      deletedAt: true,
      updatedAt: true,
      blog: { select: { id: true, slug: true, name: true } },
      tags: { select: { tag: { select: { name: true } } } },
    },
  });
  return {
    ...post,
    slug: isPlaceholderSlug(post.slug) ? "" : post.slug,
    excerpt: post.excerpt ?? "",
    tags: post.tags.map(({ tag }) => tag.name),
    status: effectiveStatus(post),
  };
}

export type WriterPostItem = {
  id: string;
  slug: string;
  title: string;
  status: "draft" | "scheduled" | "published";
  publishedAt: Date | null;
  deletedAt: Date | null;
  updatedAt: Date;
  author: { name: string };
  /** Comments readers see (approved), counted in the list's one query. */
  commentCount: number;
};

export type WriterPostList = {
  blog: { id: string; slug: string; name: string };
  drafts: WriterPostItem[];
  scheduled: WriterPostItem[];
  published: WriterPostItem[];
  deleted: WriterPostItem[];
};

/**
 * listBlogPostsForWriter: the posts the actor may edit in the blog (an owner: all of them; an
 * author: their own), grouped as drafts, scheduled, published and deleted, newest first, each
 * with its comment count (one query). NOT_FOUND for others.
 */
export async function listBlogPostsForWriter(actor: Actor, blogId: string): Promise<WriterPostList> {
  const blog = await db.blog.findUnique({ where: { id: blogId }, select: { id: true, slug: true, name: true } });
  const role = blog ? await getBlogRole(actor?.id, blogId) : null;
  const scope = writerPostScope(actor, role);
  if (!blog || !scope) throw new AppError("NOT_FOUND", "errors.notFound");
  const rows = await db.post.findMany({
    where: { blogId, ...(scope === "all" ? {} : scope) },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      publishedAt: true,
      deletedAt: true,
      updatedAt: true,
      author: { select: { name: true } },
      _count: { select: { comments: { where: { status: "approved" } } } },
    },
    orderBy: { updatedAt: "desc" },
    take: 500,
  });
  const now = new Date();
  const items = rows.map(({ _count, ...row }) => ({
    ...row,
    status: effectiveStatus(row, now),
    commentCount: _count.comments,
  }));
  // Newest first: by publication date once there is one, else by last edit (the query's order).
  const byDate = (a: WriterPostItem, b: WriterPostItem) =>
    (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0);
  return {
    blog,
    drafts: items.filter((p) => !p.deletedAt && p.status === "draft"),
    scheduled: items.filter((p) => !p.deletedAt && p.status === "scheduled").sort(byDate),
    published: items.filter((p) => !p.deletedAt && p.status === "published").sort(byDate),
    deleted: items.filter((p) => p.deletedAt),
  };
}

/** previewPost: the HTML of `source` as the post's blog renders it (live preview; NOT_FOUND for non-editors; PREVIEWS_PER_MINUTE per person). */
export async function previewPost(actor: Actor, postId: string, source: string): Promise<string> {
  const post = await requireWritablePost(db, actor, postId);
  await consume("preview", `user:${actor!.id}`);
  return previewPostBody(source, post.blog);
}

/** previewNewPost: the same preview for an article not saved yet, by the blog's writers (NOT_FOUND for others). */
export async function previewNewPost(actor: Actor, blogId: string, source: string): Promise<string> {
  const blog = await requireBlogWriter(db, actor, blogId);
  await consume("preview", `user:${actor!.id}`);
  return previewPostBody(source, blog);
}
