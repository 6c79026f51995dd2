import "server-only";
import { db } from "@/lib/db";

const REFRESH_MS = 30_000;
const state = globalThis as unknown as { tribuneRemoved?: { paths: Set<string>; at: number; loading?: Promise<void> } };

async function refresh(): Promise<void> {
  const rows = await db.post.findMany({
    where: { deletedAt: { not: null } },
    select: { slug: true, blog: { select: { slug: true, name: true } } },
  });
  state.tribuneRemoved = { paths: new Set(rows.map((row) => `/${row.blog.slug}/${row.slug}`)), at: Date.now() };
}

/**
 * isRemovedArticlePath: whether "/blog/post" is an article its author deleted (answered 410
 * Gone rather than 404). The set of such paths is small and kept in memory, refreshed every
 * 30 seconds, so this costs no query per request.
 */
export async function isRemovedArticlePath(path: string): Promise<boolean> {
  const current = state.tribuneRemoved;
  if (!current) {
    await refresh().catch(() => undefined);
  } else if (Date.now() - current.at > REFRESH_MS && !current.loading) {
    current.loading = refresh().catch(() => undefined);
  }
  return state.tribuneRemoved?.paths.has(path.replace(/\/$/, "")) ?? false;
}

/** forgetRemovedArticlePaths: drops the cache (after a delete or restore in this process). */
export function forgetRemovedArticlePaths(): void {
  state.tribuneRemoved = undefined;
}
