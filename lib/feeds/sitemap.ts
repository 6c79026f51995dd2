import "server-only";
import { db } from "@/lib/db";
import { publicPostWhere } from "@/lib/posts/public";
import { urls } from "./urls";

/** A sitemap URL (the shape of Next's MetadataRoute.Sitemap items). */
export type SitemapEntry = { url: string; lastModified?: Date };

/** SITEMAP_CHUNK_SIZE: URLs per sitemap file, under the protocol's 50,000 with a margin. */
const SITEMAP_CHUNK_SIZE = 45_000;

type Source = { count: () => Promise<number>; page: (skip: number, take: number) => Promise<SitemapEntry[]> };

// The public URLs in a fixed order (home, blogs, tags, people, articles), each kind paged in a
// stable order, so chunk n can be cut without loading what lies before it.
function sources(now: Date): Source[] {
  const tagWhere = { posts: { some: { post: publicPostWhere(now) } } };
  const personWhere = { deletedAt: null, posts: { some: publicPostWhere(now) } };
  return [
    { count: async () => 1, page: async () => [{ url: urls.home() }] },
    {
      count: () => db.blog.count(),
      page: async (skip, take) => {
        const blogs = await db.blog.findMany({
          select: {
            slug: true,
            updatedAt: true,
            posts: {
              where: publicPostWhere(now),
              select: { updatedAt: true },
              orderBy: { updatedAt: "desc" },
              take: 1,
            },
          },
          orderBy: { slug: "asc" },
          skip,
          take,
        });
        return blogs.map((blog) => {
          const newest = blog.posts[0]?.updatedAt;
          return {
            url: urls.blog(blog.slug),
            lastModified: newest && newest > blog.updatedAt ? newest : blog.updatedAt,
          };
        });
      },
    },
    {
      count: () => db.tag.count({ where: tagWhere }),
      page: async (skip, take) => {
        const tags = await db.tag.findMany({
          where: tagWhere,
          select: { slug: true },
          orderBy: { slug: "asc" },
          skip,
          take,
        });
        return tags.map((tag) => ({ url: urls.tag(tag.slug) }));
      },
    },
    {
      count: () => db.user.count({ where: personWhere }),
      page: async (skip, take) => {
        const people = await db.user.findMany({
          where: personWhere,
          select: { handle: true },
          orderBy: { handleKey: "asc" },
          skip,
          take,
        });
        return people.map((person) => ({ url: urls.profile(person.handle) }));
      },
    },
    {
      count: () => db.post.count({ where: publicPostWhere(now) }),
      page: async (skip, take) => {
        const posts = await db.post.findMany({
          where: publicPostWhere(now),
          select: { slug: true, updatedAt: true, blog: { select: { slug: true } } },
          orderBy: { id: "asc" },
          skip,
          take,
        });
        return posts.map((post) => ({ url: urls.post(post.blog.slug, post.slug), lastModified: post.updatedAt }));
      },
    },
  ];
}

/** countSitemaps: how many sitemap files the public URLs need (at least one). */
export async function countSitemaps(): Promise<number> {
  const counts = await Promise.all(sources(new Date()).map((source) => source.count()));
  return Math.max(1, Math.ceil(counts.reduce((sum, count) => sum + count, 0) / SITEMAP_CHUNK_SIZE));
}

/** listSitemapEntries: the URLs of sitemap file `index` (0-based), at most SITEMAP_CHUNK_SIZE. */
export async function listSitemapEntries(index: number): Promise<SitemapEntry[]> {
  const entries: SitemapEntry[] = [];
  let skip = index * SITEMAP_CHUNK_SIZE;
  for (const source of sources(new Date())) {
    const room = SITEMAP_CHUNK_SIZE - entries.length;
    if (room === 0) break;
    const count = await source.count();
    if (skip >= count) {
      skip -= count;
      continue;
    }
    entries.push(...(await source.page(skip, Math.min(room, count - skip))));
    skip = 0;
  }
  return entries;
}
