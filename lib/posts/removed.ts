import "server-only";
import { db } from "@/lib/db";

const REFRESH_MS = 30_000;

/** The blog of an article its author deleted: what its 410 page names and speaks. */
export type RemovedPost = { blogSlug: string; blogName: string; blogLanguage: string };

const state = globalThis as unknown as {
  tribuneRemoved?: { paths: Map<string, RemovedPost>; at: number; loading?: Promise<void> };
};

async function refresh(): Promise<void> {
  const rows = await db.post.findMany({
    where: { deletedAt: { not: null } },
    select: { slug: true, blog: { select: { slug: true, name: true, language: true } } },
  });
  const paths = new Map(
    rows.map((row) => [
      `/${row.blog.slug}/${row.slug}`,
      { blogSlug: row.blog.slug, blogName: row.blog.name, blogLanguage: row.blog.language },
    ]),
  );
  state.tribuneRemoved = { paths, at: Date.now() };
}

/**
 * removedPostAt: the blog of the article its author deleted at "/blog/post" (answered 410
 * Gone rather than 404), or null. The set of such paths is small and kept in memory, refreshed
 * every 30 seconds, so this costs no query per request.
 */
export async function removedPostAt(path: string): Promise<RemovedPost | null> {
  const current = state.tribuneRemoved;
  if (!current) {
    await refresh().catch(() => undefined);
  } else if (Date.now() - current.at > REFRESH_MS && !current.loading) {
    current.loading = refresh().catch(() => undefined);
  }
  return state.tribuneRemoved?.paths.get(path.replace(/\/$/, "")) ?? null;
}

/** forgetRemovedPostPaths: drops the cache (after a delete or restore in this process). */
export function forgetRemovedPostPaths(): void {
  state.tribuneRemoved = undefined;
}
