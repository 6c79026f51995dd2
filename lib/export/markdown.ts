import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stringify } from "yaml";
import { db } from "@/lib/db";
import { formatPostMarkdown } from "@/lib/posts";
import { BATCH } from "./sections";

/**
 * exportBlogMarkdown: one blog as the content/ folder reads it: `<dir>/blogs/<slug>/blog.md`
 * (settings and members by handle, description as body) and one `posts/<post>.md` per article
 * not in the trash, written as the editor's "export" button writes one post. Reads BATCH posts at a
 * time. Comments, revisions and people stay in the JSON export.
 */
export async function exportBlogMarkdown(blogId: string, dir: string): Promise<{ folder: string; posts: number }> {
  const blog = await db.blog.findUniqueOrThrow({
    where: { id: blogId },
    select: {
      slug: true,
      name: true,
      tagline: true,
      description: true,
      language: true,
      commentPolicy: true,
      allowGuestComments: true,
      frenchTypography: true,
      accentColor: true,
      memberships: { select: { role: true, user: { select: { handle: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  const folder = join(dir, "blogs", blog.slug);
  await mkdir(join(folder, "posts"), { recursive: true });
  const front = {
    name: blog.name,
    ...(blog.tagline ? { tagline: blog.tagline } : {}),
    language: blog.language,
    commentPolicy: blog.commentPolicy,
    allowGuestComments: blog.allowGuestComments,
    frenchTypography: blog.frenchTypography,
    ...(blog.accentColor ? { accentColor: blog.accentColor } : {}),
    members: blog.memberships.map((m) => ({ handle: m.user.handle, role: m.role })),
  };
  await writeFile(
    join(folder, "blog.md"),
    `---\n${stringify(front, { lineWidth: 0 })}---\n${blog.description ?? ""}\n`,
  );
  let count = 0;
  let after: string | undefined;
  for (;;) {
    const posts = await db.post.findMany({
      where: { blogId, deletedAt: null, ...(after ? { id: { gt: after } } : {}) },
      select: {
        id: true,
        slug: true,
        title: true,
        status: true,
        publishedAt: true,
        excerpt: true,
        bodySource: true,
        author: { select: { handle: true } },
        tags: { select: { tag: { select: { name: true } } }, orderBy: { tagId: "asc" } },
      },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    for (const post of posts) {
      const file = formatPostMarkdown({
        ...post,
        authorHandle: post.author.handle,
        tags: post.tags.map((t) => t.tag.name),
      });
      await writeFile(join(folder, "posts", file.filename), file.content);
    }
    count += posts.length;
    if (posts.length < BATCH) return { folder, posts: count };
    after = posts.at(-1)!.id;
  }
}
