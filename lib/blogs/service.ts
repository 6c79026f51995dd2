import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";

const blogSelect = {
  id: true,
  slug: true,
  name: true,
  tagline: true,
  description: true,
  descriptionHtml: true,
  descriptionText: true,
  language: true,
  accentColor: true,
  logoUrl: true,
  headerImageUrl: true,
  frenchTypography: true,
} as const;

export type BlogSummary = {
  id: string;
  slug: string;
  name: string;
  tagline: string | null;
  /** The description as written (markdown): NEVER show it raw; pages show descriptionHtml. */
  description: string | null;
  /** The description rendered and sanitized (never the markdown as written); null without one. */
  descriptionHtml: string | null;
  /** The description's text without markup (meta description, feeds). */
  descriptionText: string | null;
  language: string;
  accentColor: string | null;
  logoUrl: string | null;
  headerImageUrl: string | null;
  frenchTypography: boolean;
};

/** listBlogs: every blog of the instance, by name, with its count of published articles. */
export async function listBlogs(): Promise<(BlogSummary & { postCount: number })[]> {
  const blogs = await db.blog.findMany({
    select: {
      ...blogSelect,
      _count: {
        select: { posts: { where: { status: "published", deletedAt: null, publishedAt: { lte: new Date() } } } },
      },
    },
    orderBy: { name: "asc" },
  });
  return blogs.map(({ _count, ...blog }) => ({ ...blog, postCount: _count.posts }));
}

/** getBlogBySlug: the blog with that current slug, or null. Cached per request (layout + page). */
export const getBlogBySlug = cache(async (slug: string): Promise<BlogSummary | null> => {
  return db.blog.findUnique({ where: { slug }, select: blogSelect });
});
