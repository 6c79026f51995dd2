import "server-only";
import type { Tx } from "@/lib/db";
import { linkContexts, linkKey } from "./context";
import { internalPostPath } from "./internal";
import { legacyTargets } from "./legacy";

/** LinkTx: a Prisma client or the client of an open transaction (lib/db's Tx). */
export type LinkTx = Tx;

/**
 * syncPostLinks: replaces the Link rows of a post with `links` (the URLs its markdown contains),
 * resolving links to articles of this instance to their post (old addresses too, and the old
 * permalinks of imported posts: one query for all of them) and keeping the
 * sentence around each link when the rendered `html` is given. Run it in the post's own write
 * transaction so the "cited by" lists never disagree with the body.
 */
export async function syncPostLinks(tx: LinkTx, postId: string, links: string[], html?: string): Promise<void> {
  await tx.link.deleteMany({ where: { sourcePostId: postId } });
  const contexts = html ? linkContexts(html) : new Map<string, string>();
  const unique = new Set(links);
  const legacy = await legacyTargets(
    tx,
    [...unique].filter((url) => !internalPostPath(url)),
  );
  for (const targetUrl of unique) {
    const path = internalPostPath(targetUrl);
    const targetPostId = path ? await internalTarget(tx, path.blog, path.post) : (legacy.get(targetUrl) ?? null);
    const context = contexts.get(linkKey(targetUrl)) || null;
    await tx.link.create({ data: { sourcePostId: postId, targetUrl, targetPostId, context } });
  }
}

/**
 * internalTarget: the post a link to /blog/post names, through the blog's and the post's old
 * addresses too (a citation written before a rename still counts).
 */
async function internalTarget(tx: LinkTx, blogSlug: string, postSlug: string): Promise<string | null> {
  const blog =
    (await tx.blog.findUnique({ where: { slug: blogSlug }, select: { id: true } })) ??
    (await tx.blogSlugAlias.findUnique({ where: { slug: blogSlug }, select: { blog: { select: { id: true } } } }))
      ?.blog;
  if (!blog) return null;
  const post =
    (await tx.post.findFirst({ where: { blogId: blog.id, slug: postSlug }, select: { id: true } })) ??
    (await tx.postSlugAlias
      .findUnique({ where: { blogId_slug: { blogId: blog.id, slug: postSlug } }, select: { postId: true } })
      .then((alias) => (alias ? { id: alias.postId } : null)));
  return post?.id ?? null;
}
