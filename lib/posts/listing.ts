import "server-only";
import { db } from "@/lib/db";
import type { PostListItem } from "./service";
import { publicPostWhere } from "./public";

export const PAGE_SIZE = 10;

export type PostPage = { items: PostListItem[]; total: number; page: number; pages: number };
type Scope = { blogId?: string; tagSlug?: string; authorId?: string };

/**
 * listPublicPosts: one page of public articles, newest first, for a blog, a tag or an author
 * (or the whole instance). Two queries: the page (with blog, author, tags and comment counts
 * joined) and the total.
 */
export async function listPublicPosts(scope: Scope, page = 1, pageSize = PAGE_SIZE): Promise<PostPage> {
  const where = {
    ...publicPostWhere(),
    ...(scope.blogId ? { blogId: scope.blogId } : {}),
    ...(scope.authorId ? { authorId: scope.authorId } : {}),
    ...(scope.tagSlug ? { tags: { some: { tag: { slug: scope.tagSlug } } } } : {}),
  };
  const current = Math.max(1, Math.floor(page));
  const [rows, total] = await Promise.all([
    db.post.findMany({
      where,
      select: {
        id: true,
        slug: true,
        title: true,
        excerpt: true,
        publishedAt: true,
        blog: { select: { slug: true, name: true } },
        author: { select: { handle: true, name: true } },
        _count: { select: { comments: { where: { status: "approved" } } } },
      },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (current - 1) * pageSize,
      take: pageSize,
    }),
    db.post.count({ where }),
  ]);
  const items = rows.map(({ _count, ...post }) => ({ ...post, commentCount: _count.comments }));
  return { items, total, page: current, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** getTag: a tag by slug, or null. */
export function getTag(slug: string) {
  return db.tag.findUnique({ where: { slug }, select: { slug: true, name: true } });
}
