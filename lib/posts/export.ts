import "server-only";
import { stringify } from "yaml";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { requireWritablePost } from "./access";

/**
 * exportPostMarkdown: the post as a content/ file (front matter per PostFileSchema + body),
 * named <slug>.md, so that dropping it into content/blogs/<blog>/posts/ imports the same post.
 * A scheduled post exports as "published" with its future date: public reads hide it until then.
 */
export async function exportPostMarkdown(actor: Actor, postId: string): Promise<{ filename: string; content: string }> {
  const post = await requireWritablePost(db, actor, postId);
  const extra = await db.post.findUniqueOrThrow({
    where: { id: post.id },
    select: { author: { select: { handle: true } }, tags: { select: { tag: { select: { name: true } } } } },
  });
  const isDraft = post.status === "draft";
  const front: Record<string, unknown> = {
    title: post.title,
    author: extra.author.handle,
    ...(post.publishedAt ? { publishedAt: post.publishedAt.toISOString() } : {}),
    status: isDraft ? "draft" : "published",
    tags: extra.tags.map(({ tag }) => tag.name),
    ...(post.excerpt ? { excerpt: post.excerpt } : {}),
  };
  const content = `---\n${stringify(front, { lineWidth: 0 })}---\n${post.bodySource.trim()}\n`;
  return { filename: `${post.slug}.md`, content };
}
