import "server-only";
import { db, type Tx } from "@/lib/db";
import { renderDescription, type RenderedDescription } from "@/lib/blogs";
import { linkImportedMentions } from "@/lib/comments";
import { syncPostLinks } from "@/lib/links";
import { isAppError } from "@/lib/errors";
import { plainMessage } from "@/lib/i18n/plain";
import { enqueueJob } from "@/lib/jobs";
import {
  BLOG_RENDER_JOB,
  blogRenderOptions,
  renderMarkdownCached,
  type BlogRendering,
  type RenderKind,
  type Rendered,
} from "@/lib/markdown";
import { recordAudit } from "@/lib/moderation";
import { pagesChanged } from "@/lib/page-cache";
import { articleColumns, tagIdFor } from "@/lib/posts";
import { reindexComments, reindexPosts } from "@/lib/search";
import { foldKey } from "@/lib/users/schemas";
import { ContentError, type ContentBundle, LoadedBlog, LoadedComment, LoadedPerson, LoadedPost } from "./load";

type SyncCounts = { created: number; updated: number; unchanged: number };
export type SyncReport = Record<"people" | "blogs" | "posts" | "comments", SyncCounts>;

const importKeyOf = (blog: string, post: string) => `content:${blog}/${post}`;

/**
 * syncContent: writes a validated bundle in ONE transaction. Rows are matched by handle,
 * blog slug and import key, and written only when their source changed, so a second run
 * writes nothing. Nothing is deleted: removing a file leaves its post in place.
 */
export async function syncContent(bundle: ContentBundle): Promise<SyncReport> {
  const report: SyncReport = {
    people: { created: 0, updated: 0, unchanged: 0 },
    blogs: { created: 0, updated: 0, unchanged: 0 },
    posts: { created: 0, updated: 0, unchanged: 0 },
    comments: { created: 0, updated: 0, unchanged: 0 },
  };
  const touched: string[] = [];
  const changedComments: string[] = [];
  const renders = bundleRenderer();
  await db.$transaction(
    async (tx) => {
      const userIds = new Map<string, string>();
      for (const person of bundle.people) {
        userIds.set(person.handle.toLowerCase(), await syncPerson(tx, person, report.people));
      }
      for (const blog of bundle.blogs) {
        const blogId = await syncBlog(tx, blog, userIds, report.blogs);
        for (const post of blog.posts) {
          const { id, changed } = await syncPost(tx, blogId, blog, post, userIds, report.posts, renders);
          if (changed) touched.push(id);
          changedComments.push(...(await syncComments(tx, id, blog, post, userIds, report.comments, renders)));
        }
      }
      await relinkPosts(tx, touched, renders);
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  // After the commit: the index is derived data, rebuilt from the rows just written.
  await reindexPosts(touched);
  // Mentions resolve against the people now stored (links to profiles, Mention rows); imports
  // notify nobody.
  await linkImportedMentions(changedComments);
  await reindexComments(changedComments);
  const counts = [report.people, report.blogs, report.posts, report.comments];
  if (counts.some((count) => count.created + count.updated > 0)) await pagesChanged();
  return report;
}

/** Renders: what the pipeline makes of a text of the bundle with its blog's settings, rendered once, when first needed. */
type Renders = { get(kind: RenderKind, blog: BlogRendering, source: string, file: string): Promise<Rendered> };

/** bundleRenderer: renders in the render worker; a text past the bounds throws ContentError naming its file (the transaction then writes nothing). */
function bundleRenderer(): Renders {
  const done = new Map<string, Rendered>();
  return {
    async get(kind, blog, source, file) {
      const options = blogRenderOptions(blog, kind);
      const key = JSON.stringify([options.kind, options.frenchTypography, options.locale, source]);
      const known = done.get(key);
      if (known) return known;
      try {
        const rendered = await renderMarkdownCached(source, options);
        done.set(key, rendered);
        return rendered;
      } catch (error) {
        if (!isAppError(error)) throw error;
        const line = typeof error.details?.line === "number" && error.details.line > 0 ? ` (line ${error.details.line})` : "";
        throw new ContentError([`${file}: body${line}: ${plainMessage(error.message)}`]);
      }
    },
  };
}

/** renderBlogDescription: the blog's description rendered with its settings; a refused one throws ContentError naming blog.md. */
async function renderBlogDescription(blog: LoadedBlog): Promise<RenderedDescription> {
  try {
    return await renderDescription(blog.description || null, blog);
  } catch (error) {
    if (!isAppError(error)) throw error;
    throw new ContentError([`${blog.file}: description: ${plainMessage(error.message)}`]);
  }
}

async function syncPerson(tx: Tx, person: LoadedPerson, counts: SyncCounts): Promise<string> {
  const data = {
    handle: person.handle,
    handleKey: person.handle.toLowerCase(),
    name: person.name,
    nameKey: foldKey(person.name),
    email: person.email,
    role: person.role,
    bio: person.bio || null,
  };
  const existing = await tx.user.findUnique({ where: { handleKey: data.handleKey }, select: { id: true, ...select(data) } });
  if (!existing) {
    const created = await tx.user.create({ data: { ...data, emailVerified: new Date() }, select: { id: true } });
    counts.created++;
    return created.id;
  }
  if (differs(existing, data)) {
    await tx.user.update({ where: { id: existing.id }, data });
    counts.updated++;
  } else counts.unchanged++;
  return existing.id;
}

async function syncBlog(tx: Tx, blog: LoadedBlog, userIds: Map<string, string>, counts: SyncCounts): Promise<string> {
  const data = {
    slug: blog.slug,
    name: blog.name,
    tagline: blog.tagline ?? null,
    description: blog.description || null,
    language: blog.language,
    commentPolicy: blog.commentPolicy,
    allowGuestComments: blog.allowGuestComments,
    frenchTypography: blog.frenchTypography,
    accentColor: blog.accentColor ?? null,
  };
  const existing = await tx.blog.findUnique({ where: { slug: blog.slug }, select: { id: true, ...select(data) } });
  let blogId: string;
  if (!existing) {
    const described = await renderBlogDescription(blog);
    blogId = (await tx.blog.create({ data: { ...data, ...described }, select: { id: true } })).id;
    counts.created++;
  } else {
    blogId = existing.id;
    if (differs(existing, data)) {
      const described = await renderBlogDescription(blog);
      await tx.blog.update({ where: { id: blogId }, data: { ...data, ...described } });
      // Its articles and comments follow the settings they render with (a background job).
      if (existing.frenchTypography !== data.frenchTypography || existing.language !== data.language) {
        await enqueueJob(tx, BLOG_RENDER_JOB, { blogId });
      }
      // A settings change like any other (by the system: content/ is the operator's).
      const changed = (Object.keys(data) as (keyof typeof data)[]).filter((key) => existing[key] !== data[key]);
      await recordAudit(tx, {
        actorId: null,
        blogId,
        action: "blog.settings",
        subject: { type: "blog", id: blogId, name: data.name },
        reason: "content sync",
        before: Object.fromEntries(changed.map((key) => [key, existing[key]])),
        after: Object.fromEntries(changed.map((key) => [key, data[key]])),
      });
      counts.updated++;
    } else counts.unchanged++;
  }
  for (const member of blog.members) {
    const userId = userIds.get(member.handle.toLowerCase())!;
    const current = await tx.membership.findUnique({ where: { blogId_userId: { blogId, userId } }, select: { id: true, role: true } });
    if (!current) await tx.membership.create({ data: { blogId, userId, role: member.role } });
    else if (current.role !== member.role) await tx.membership.update({ where: { id: current.id }, data: { role: member.role } });
  }
  return blogId;
}

async function syncPost(
  tx: Tx,
  blogId: string,
  blog: LoadedBlog,
  post: LoadedPost,
  userIds: Map<string, string>,
  counts: SyncCounts,
  renders: Renders,
): Promise<{ id: string; changed: boolean }> {
  const importKey = importKeyOf(blog.slug, post.slug);
  const existing = await tx.post.findUnique({ where: { importKey }, select: { id: true, importHash: true } });
  if (existing && existing.importHash === post.hash) {
    counts.unchanged++;
    return { id: existing.id, changed: false };
  }
  const rendered = await renders.get("article", blog, post.body, post.file);
  const data = {
    blogId,
    slug: post.slug,
    title: post.title,
    bodySource: post.body,
    ...articleColumns(rendered, post.body, blog),
    excerpt: post.excerpt ?? null,
    status: post.status,
    publishedAt: post.status === "published" ? (post.publishedAt ?? null) : null,
    authorId: userIds.get(post.author.toLowerCase())!,
    importKey,
    importHash: post.hash,
  };
  const tagIds = new Set<string>();
  for (const name of post.tags) tagIds.add(await tagIdFor(tx, name, blog.language));
  const tags = { create: [...tagIds].map((tagId) => ({ tagId })) };
  if (!existing) {
    const created = await tx.post.create({ data: { ...data, tags }, select: { id: true } });
    counts.created++;
    return { id: created.id, changed: true };
  }
  await tx.post.update({ where: { id: existing.id }, data: { ...data, tags: { deleteMany: {}, ...tags } } });
  counts.updated++;
  return { id: existing.id, changed: true };
}

async function syncComments(
  tx: Tx,
  postId: string,
  blog: LoadedBlog,
  post: LoadedPost,
  userIds: Map<string, string>,
  counts: SyncCounts,
  renders: Renders,
): Promise<string[]> {
  if (!post.comments.length) return [];
  const changed: string[] = [];
  const prefix = `${importKeyOf(blog.slug, post.slug)}#`;
  const existing = await tx.comment.findMany({
    where: { postId, importKey: { startsWith: prefix } },
    select: { id: true, importKey: true, importHash: true },
  });
  const byKey = new Map(existing.map((row) => [row.importKey!, row]));
  const ids = new Map<string, string>();
  for (const comment of post.comments) {
    const importKey = prefix + comment.id;
    const row = byKey.get(importKey);
    if (row && row.importHash === comment.hash) {
      ids.set(comment.id, row.id);
      counts.unchanged++;
      continue;
    }
    // Rendered without mention links here; linkImportedMentions renders it again once the people are stored.
    const rendered = await renders.get("comment", blog, comment.body, comment.file);
    const data = commentData(comment, postId, importKey, ids, userIds, rendered.html);
    if (row) {
      await tx.comment.update({ where: { id: row.id }, data });
      ids.set(comment.id, row.id);
      counts.updated++;
    } else {
      ids.set(comment.id, (await tx.comment.create({ data, select: { id: true } })).id);
      counts.created++;
    }
    changed.push(ids.get(comment.id)!);
  }
  return changed;
}

function commentData(
  comment: LoadedComment,
  postId: string,
  importKey: string,
  ids: Map<string, string>,
  userIds: Map<string, string>,
  bodyHtml: string,
) {
  return {
    postId,
    parentId: comment.parent ? ids.get(comment.parent)! : null,
    authorId: comment.author ? userIds.get(comment.author.toLowerCase())! : null,
    guestName: comment.guest?.name ?? null,
    guestEmail: comment.guest?.email ?? null,
    bodySource: comment.body,
    bodyHtml,
    status: comment.status,
    createdAt: comment.at,
    importKey,
    importHash: comment.hash,
  };
}

/** relinkPosts: rewrites the Link rows of changed posts and resolves links to posts of this instance. */
async function relinkPosts(tx: Tx, postIds: string[], renders: Renders) {
  if (!postIds.length) return;
  const posts = await tx.post.findMany({
    where: { id: { in: postIds } },
    select: { id: true, bodySource: true, blog: { select: { frenchTypography: true, language: true } } },
  });
  for (const post of posts) {
    const rendered = await renders.get("article", post.blog, post.bodySource, post.id);
    await syncPostLinks(tx, post.id, rendered.links, rendered.html);
  }
}

function select<T extends object>(data: T): { [K in keyof T]: true } {
  return Object.fromEntries(Object.keys(data).map((key) => [key, true])) as { [K in keyof T]: true };
}

function differs(existing: Record<string, unknown>, data: Record<string, unknown>): boolean {
  return Object.entries(data).some(([key, value]) => existing[key] !== value);
}
