import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getBlogBySlug, type BlogSummary } from "./service";

/** Tx: lib/db's transaction client, re-exported for this domain's modules. */
export type { Tx };

/** slugTaken: the CONFLICT a taken slug raises (on the "slug" field). */
export const slugTaken = () => new AppError("CONFLICT", "validation.blogSlugTaken", { field: "slug" });

export { isUniqueViolation } from "@/lib/errors";

/**
 * assertSlugFree: refuses (CONFLICT) a slug that another blog uses now or used before (its old
 * addresses keep redirecting). An alias of `blogId` itself is released so the blog can take it back.
 */
export async function assertSlugFree(tx: Tx, slug: string, blogId: string | null): Promise<void> {
  const [current, alias] = await Promise.all([
    tx.blog.findUnique({ where: { slug }, select: { id: true } }),
    tx.blogSlugAlias.findUnique({ where: { slug }, select: { blogId: true } }),
  ]);
  if (current && current.id !== blogId) throw slugTaken();
  if (alias && alias.blogId !== blogId) throw slugTaken();
  if (alias) await tx.blogSlugAlias.delete({ where: { slug } });
}

/** moveBlogSlug: gives the blog a new slug and keeps the old one as a permanent alias. */
export async function moveBlogSlug(tx: Tx, blogId: string, from: string, to: string): Promise<void> {
  if (from === to) return;
  await assertSlugFree(tx, to, blogId);
  await tx.blogSlugAlias.create({ data: { slug: from, blogId } });
  await tx.blog.update({ where: { id: blogId }, data: { slug: to } });
}

export type ResolvedBlogSlug = { blog: BlogSummary; redirectTo?: undefined } | { blog?: undefined; redirectTo: string };

/** resolveBlogSlug: the blog at this slug, or where an old slug now lives (redirect permanently), or null. */
export async function resolveBlogSlug(slug: string): Promise<ResolvedBlogSlug | null> {
  const key = slug.toLowerCase();
  const blog = await getBlogBySlug(key);
  // Slugs are stored lower-case: another spelling redirects to the canonical address.
  if (blog) return key === slug ? { blog } : { redirectTo: blog.slug };
  const alias = await db.blogSlugAlias.findUnique({
    where: { slug: key },
    select: { blog: { select: { slug: true } } },
  });
  return alias ? { redirectTo: alias.blog.slug } : null;
}
