import "server-only";
import { db, type PostWhereInput } from "@/lib/db";
import { typesetPlain } from "@/lib/markdown";
import { publicPostWhere } from "./public";

const listSelect = {
  id: true,
  slug: true,
  title: true,
  excerpt: true,
  publishedAt: true,
  blog: { select: { slug: true, name: true, frenchTypography: true } },
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

const PAGE_SIZE = 10;
export type PostPage = { items: PostListItem[]; total: number; page: number; pages: number };
type Scope = { blogId?: string; tagSlug?: string; authorId?: string };

function scopeWhere(scope: Scope, now: Date): PostWhereInput {
  return {
    ...publicPostWhere(now),
    ...(scope.blogId ? { blogId: scope.blogId } : {}),
    ...(scope.authorId ? { authorId: scope.authorId } : {}),
    ...(scope.tagSlug ? { tags: { some: { tag: { slug: scope.tagSlug } } } } : {}),
  };
}

/** The one query behind every list of public articles: newest first, comment counts joined. */
async function findListItems(where: PostWhereInput, take: number, skip = 0): Promise<PostListItem[]> {
  const rows = await db.post.findMany({
    where,
    select: listSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    skip,
    take,
  });
  return rows.map(({ _count, blog: { frenchTypography, ...blog }, ...post }) => ({
    ...post,
    title: typesetPlain(post.title, { frenchTypography }),
    excerpt: typesetPlain(post.excerpt, { frenchTypography }),
    blog,
    commentCount: _count.comments,
  }));
}

/** listLatestPosts: the newest public articles across every blog. */
export function listLatestPosts(limit = 20): Promise<PostListItem[]> {
  return findListItems(scopeWhere({}, new Date()), limit);
}

/** listBlogPosts: the newest public articles of one blog. */
export function listBlogPosts(blogId: string, limit = 20): Promise<PostListItem[]> {
  return findListItems(scopeWhere({ blogId }, new Date()), limit);
}

/**
 * listPublicPosts: one page of public articles, newest first, for a blog, a tag or an author
 * (or the whole instance). Two queries: the page and the total.
 */
export async function listPublicPosts(scope: Scope, page = 1, pageSize = PAGE_SIZE): Promise<PostPage> {
  const where = scopeWhere(scope, new Date());
  const current = Math.max(1, Math.floor(page));
  const [items, total] = await Promise.all([
    findListItems(where, pageSize, (current - 1) * pageSize),
    db.post.count({ where }),
  ]);
  return { items, total, page: current, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** getTag: a tag by slug, or null. */
export function getTag(slug: string) {
  return db.tag.findUnique({ where: { slug }, select: { slug: true, name: true } });
}
