import "server-only";
import { db } from "@/lib/db";
// Deliberately the leaf module: the proxy and the not-found page load this file alone.
import { legacyPathKey } from "@/lib/links/legacy";

/**
 * legacyRedirect: the new address of an imported article at an old path (a request's pathname
 * and query that no Tribune route answered), or null. One query on a unique index; an article
 * readers may not see (draft, scheduled, deleted, a run still importing) redirects nowhere.
 */
export async function legacyRedirect(pathname: string, search: string): Promise<string | null> {
  const row = await db.legacyAddress.findUnique({
    where: { pathKey: legacyPathKey(pathname, search) },
    select: {
      post: {
        select: { slug: true, status: true, deletedAt: true, publishedAt: true, blog: { select: { slug: true } } },
      },
    },
  });
  const post = row?.post;
  if (!post || post.deletedAt || post.status === "draft" || !post.publishedAt || post.publishedAt > new Date())
    return null;
  return `/${post.blog.slug}/${post.slug}`;
}
