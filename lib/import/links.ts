import "server-only";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { db } from "@/lib/db";
import { legacyTargets, legacyUrlVariants, syncPostLinks } from "@/lib/links";
import { renderArticle } from "@/lib/posts";
import { chunks } from "./run";

const parser = unified().use(remarkParse).use(remarkGfm);

/**
 * rewriteLinks: the markdown with each link whose URL `replace` maps put to its new address.
 * Only the URL inside each link's own source span changes (found from the syntax tree, so code
 * and text elsewhere are never touched); the rest of the text stays byte for byte.
 */
export function rewriteLinks(markdown: string, replace: (url: string) => string | undefined): string {
  const edits: { start: number; end: number; text: string }[] = [];
  visit(parser.parse(markdown), (node) => {
    if (node.type !== "link" && node.type !== "definition") return;
    const url = (node as { url: string }).url;
    const next = replace(url);
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (!next || start === undefined || end === undefined) return;
    const span = markdown.slice(start, end);
    const at = span.lastIndexOf(url);
    if (at < 0) return;
    // An autolink shows its URL as its text too: both change.
    const text =
      span === url || span === `<${url}>`
        ? span.replace(url, next)
        : span.slice(0, at) + next + span.slice(at + url.length);
    edits.push({ start, end, text });
  });
  let out = markdown;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** markdownLinkUrls: the URLs of the links of a markdown text. */
export function markdownLinkUrls(markdown: string): string[] {
  const urls: string[] = [];
  visit(parser.parse(markdown), (node) => {
    if (node.type === "link" || node.type === "definition") urls.push((node as { url: string }).url);
  });
  return urls;
}

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
      const rendered = await renderArticle(body, blog);
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
