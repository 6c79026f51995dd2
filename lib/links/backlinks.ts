import "server-only";
import type { Db } from "@/lib/db";
import { internalPostPath } from "./internal";

/** LinkTx: a Prisma client or the client of an open transaction. */
export type LinkTx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * syncPostLinks: replaces the Link rows of a post with `links` (the URLs its markdown contains),
 * resolving links to articles of this instance to their post. Run it in the post's own write
 * transaction so the "cited by" lists never disagree with the body.
 */
export async function syncPostLinks(tx: LinkTx, postId: string, links: string[]): Promise<void> {
  await tx.link.deleteMany({ where: { sourcePostId: postId } });
  for (const targetUrl of new Set(links)) {
    const path = internalPostPath(targetUrl);
    const target = path
      ? await tx.post.findFirst({ where: { slug: path.post, blog: { slug: path.blog } }, select: { id: true } })
      : null;
    await tx.link.create({ data: { sourcePostId: postId, targetUrl, targetPostId: target?.id ?? null } });
  }
}
