import "server-only";
import { stringify } from "yaml";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { requireWritablePost } from "./access";

/** What a post's content/ file is made of. */
export type PostMarkdownSource = {
  slug: string;
  title: string;
  authorHandle: string;
  status: string;
  publishedAt: Date | null;
  tags: string[];
  excerpt: string | null;
  bodySource: string;
};

/**
 * formatPostMarkdown: the post as a content/ file (front matter per PostFileSchema + body),
 * named <slug>.md, so that dropping it into content/blogs/<blog>/posts/ imports the same post.
 * A scheduled post exports as "published" with its future date: public reads hide it until then.
 */
export function formatPostMarkdown(post: PostMarkdownSource): { filename: string; content: string } {
  const front: Record<string, unknown> = {
    title: post.title,
    author: post.authorHandle,
    ...(post.publishedAt ? { publishedAt: post.publishedAt.toISOString() } : {}),
    status: post.status === "draft" ? "draft" : "published",
    tags: post.tags,
    ...(post.excerpt ? { excerpt: post.excerpt } : {}),
  };
  const content = `---\n${stringify(front, { lineWidth: 0 })}---\n${post.bodySource.trim()}\n`;
  return { filename: `${post.slug}.md`, content };
}

/** exportPostMarkdown: one post the actor may edit, as formatPostMarkdown writes it. */
export async function exportPostMarkdown(actor: Actor, postId: string): Promise<{ filename: string; content: string }> {
  const post = await requireWritablePost(db, actor, postId);
  const extra = await db.post.findUniqueOrThrow({
    where: { id: post.id },
    select: { author: { select: { handle: true } }, tags: { select: { tag: { select: { name: true } } } } },
  });
  return formatPostMarkdown({
    ...post,
    authorHandle: extra.author.handle,
    tags: extra.tags.map(({ tag }) => tag.name),
  });
}
