import "server-only";
import { db } from "@/lib/db";
import { legacyTargets, legacyUrlVariants, syncPostLinks } from "@/lib/links";
import { renderPostBody } from "@/lib/posts";
import { markdownLinkUrls, rewriteLinks } from "./markdown-links";
import { chunks } from "./run";

/** newAddresses: for each old address among `urls` that an imported post now has, its path on this instance. */
export async function newAddresses(urls: string[]): Promise<Map<string, string>> {
  const targets = await legacyTargets(db, urls);
  if (!targets.size) return new Map();
  const posts = await db.post.findMany({
    where: { id: { in: [...new Set(targets.values())] } },
    select: { id: true, slug: true, blog: { select: { slug: true } } },
  });
  const paths = new Map(posts.map((post) => [post.id, `/${post.blog.slug}/${post.slug}`]));
  return new Map([...targets].map(([url, postId]) => [url, paths.get(postId)!]));
}

type BlogRendering = { frenchTypography: boolean; language: string };

/**
 * relinkRun: after a run wrote its posts (still hidden), points their links to old addresses at
 * the new ones (addresses imported earlier or later in the same file), rewrites their Link rows,
 * and makes links from anywhere on the instance to this run's old addresses count as citations.
 */
export async function relinkRun(postIds: string[], runId: string, blog: BlogRendering): Promise<void> {
  for (const part of chunks(postIds, 50)) {
    const posts = await db.post.findMany({ where: { id: { in: part } }, select: { id: true, bodySource: true } });
    for (const post of posts) {
      const urls = markdownLinkUrls(post.bodySource);
      const moved = await newAddresses(urls);
      const body = moved.size ? rewriteLinks(post.bodySource, (url) => moved.get(url)) : post.bodySource;
      const rendered = await renderPostBody(body, blog);
      await db.$transaction(async (tx) => {
        if (body !== post.bodySource)
          await tx.post.update({ where: { id: post.id }, data: { bodySource: body, bodyHtml: rendered.html } });
        await syncPostLinks(tx, post.id, rendered.links, rendered.html);
      });
    }
  }
  // Links written before this import (other blogs' posts, earlier imports) to its old addresses.
  const addresses = await db.legacyAddress.findMany({ where: { runId }, select: { url: true, postId: true } });
  for (const part of chunks(addresses, 100)) {
    for (const address of part) {
      await db.link.updateMany({
        where: { targetUrl: { in: legacyUrlVariants(address.url) }, targetPostId: null },
        data: { targetPostId: address.postId },
      });
    }
  }
}
