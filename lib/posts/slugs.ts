import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { foldKey } from "@/lib/users/schemas";
import type { Tx } from "./access";
import { isPublic, publicPostWhere } from "./public";

const PLACEHOLDER = /^draft-[a-f0-9]{8}$/;

/** placeholderSlug: the slug of a new draft until its title gives it one. */
export const placeholderSlug = () => `draft-${randomBytes(4).toString("hex")}`;
export const isPlaceholderSlug = (slug: string) => PLACEHOLDER.test(slug);

/** slugFromTitle: "L'été à Québec !" → "l-ete-a-quebec" (ASCII, hyphens, ≤ 100 characters). */
export function slugFromTitle(title: string): string {
  const slug = foldKey(title)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 100)
    .replace(/-$/, "");
  return slug || "article";
}

/** isSlugTaken: another post of the blog uses it, as its slug or as one of its old slugs. */
async function isSlugTaken(tx: Tx, blogId: string, slug: string, postId?: string): Promise<boolean> {
  const [post, alias] = await Promise.all([
    tx.post.findFirst({ where: { blogId, slug, id: postId ? { not: postId } : undefined }, select: { id: true } }),
    tx.postSlugAlias.findFirst({
      where: { blogId, slug, postId: postId ? { not: postId } : undefined },
      select: { id: true },
    }),
  ]);
  return Boolean(post || alias);
}

/** uniqueSlug: `base`, or `base-2`, `base-3`… the first one free in the blog. */
export async function uniqueSlug(tx: Tx, blogId: string, base: string, postId?: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await isSlugTaken(tx, blogId, candidate, postId))) return candidate;
  }
}

/** assertSlugFree: CONFLICT on the slug field when another post of the blog holds it. */
export async function assertSlugFree(tx: Tx, blogId: string, slug: string, postId?: string): Promise<void> {
  if (await isSlugTaken(tx, blogId, slug, postId)) {
    throw new AppError("CONFLICT", "validation.postSlugTaken", { field: "slug" });
  }
}

/**
 * moveSlug: gives the post a new slug; when readers may already know the old one (the post
 * has been public), the old slug becomes an alias that redirects to the new address.
 */
export async function moveSlug(
  tx: Tx,
  post: { id: string; blogId: string; slug: string; publishedAt: Date | null; status: string },
  slug: string,
) {
  await tx.postSlugAlias.deleteMany({ where: { blogId: post.blogId, slug } });
  if (post.status !== "draft" && post.publishedAt) {
    await tx.postSlugAlias.upsert({
      where: { blogId_slug: { blogId: post.blogId, slug: post.slug } },
      create: { blogId: post.blogId, slug: post.slug, postId: post.id },
      update: { postId: post.id },
    });
  }
}

/**
 * resolvePostSlug: what a reader's request for /<blog>/<slug> should show: the public post
 * with that slug, a redirect target for an old slug of a public post, or null.
 */
export async function resolvePostSlug(
  blogId: string,
  slug: string,
): Promise<{ postId: string } | { redirectTo: string } | null> {
  const now = new Date();
  const post = await db.post.findFirst({ where: { blogId, slug, ...publicPostWhere(now) }, select: { id: true } });
  if (post) return { postId: post.id };
  const alias = await db.postSlugAlias.findUnique({
    where: { blogId_slug: { blogId, slug } },
    select: { post: { select: { slug: true, status: true, deletedAt: true, publishedAt: true } } },
  });
  return alias && isPublic(alias.post, now) ? { redirectTo: alias.post.slug } : null;
}
