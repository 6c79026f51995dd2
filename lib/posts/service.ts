import "server-only";
import { db } from "@/lib/db";
import { publicPostWhere } from "./public";

const listSelect = {
  id: true,
  slug: true,
  title: true,
  excerpt: true,
  publishedAt: true,
  blog: { select: { slug: true, name: true } },
  author: { select: { handle: true, name: true } },
  _count: { select: { comments: { where: { status: "approved" } } } },
} as const;

export type PostListItem = {
  id: string;
  slug: string;
  title: string;
  excerpt: string | null;
  publishedAt: Date | null;
  blog: { slug: string; name: string };
  author: { handle: string; name: string };
  commentCount: number;
};

const published = () => publicPostWhere();

function toListItem({
  _count,
  ...post
}: { _count: { comments: number } } & Omit<PostListItem, "commentCount">): PostListItem {
  return { ...post, commentCount: _count.comments };
}

/** listLatestPosts: the newest published articles across every blog. */
export async function listLatestPosts(limit = 20): Promise<PostListItem[]> {
  const posts = await db.post.findMany({
    where: published(),
    select: listSelect,
    orderBy: { publishedAt: "desc" },
    take: limit,
  });
  return posts.map(toListItem);
}

/** listBlogPosts: the newest published articles of one blog. */
export async function listBlogPosts(blogId: string, limit = 20): Promise<PostListItem[]> {
  const posts = await db.post.findMany({
    where: { blogId, ...published() },
    select: listSelect,
    orderBy: { publishedAt: "desc" },
    take: limit,
  });
  return posts.map(toListItem);
}

export type PostPage = {
  id: string;
  slug: string;
  title: string;
  bodyHtml: string;
  excerpt: string | null;
  publishedAt: Date | null;
  author: { id: string; handle: string; name: string };
  tags: { slug: string; name: string }[];
};

/** getPublishedPost: a published article of a blog by its current slug, or null. */
export async function getPublishedPost(blogId: string, slug: string): Promise<PostPage | null> {
  const post = await db.post.findFirst({
    where: { blogId, slug, ...published() },
    select: {
      id: true,
      slug: true,
      title: true,
      bodyHtml: true,
      excerpt: true,
      publishedAt: true,
      author: { select: { id: true, handle: true, name: true } },
      tags: { select: { tag: { select: { slug: true, name: true } } } },
    },
  });
  if (!post) return null;
  return { ...post, tags: post.tags.map(({ tag }) => tag) };
}
