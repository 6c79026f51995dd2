import "server-only";
import { getBlogRole } from "@/lib/auth/blog-role";
import { canEditPost, canReadPost, writerPostScope, type Actor, type BlogRole } from "@/lib/auth/policy";
import { db, type PostWhereInput } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireBlogWriter, requireWritablePost } from "./access";
import {
  ApiCreatePostSchema,
  ApiPostListQuerySchema,
  ApiUpdatePostSchema,
  type ApiCreatePost,
  type ApiPost,
  type ApiPostList,
  type ApiPostListQuery,
  type ApiUpdatePost,
} from "./api-schemas";
import { publicPostChanged } from "./indexing";
import { applyPublish, applyUnpublish } from "./publish";
import { effectiveStatus, isPublic, publicPostWhere } from "./public";
import { applySave, renderAhead } from "./save-post";
import { assertSlugFree, placeholderSlug } from "./slugs";

const PAGE_SIZE = 20;
const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

const apiSelect = {
  id: true,
  slug: true,
  title: true,
  excerpt: true,
  status: true,
  publishedAt: true,
  updatedAt: true,
  coverImageUrl: true,
  authorId: true,
  blog: { select: { slug: true } },
  author: { select: { handle: true, name: true } },
  tags: { select: { tag: { select: { name: true } } } },
} as const;

type ApiRow = {
  id: string;
  slug: string;
  title: string;
  excerpt: string | null;
  status: string;
  publishedAt: Date | null;
  updatedAt: Date;
  coverImageUrl: string | null;
  blog: { slug: string };
  author: { handle: string; name: string };
  tags: { tag: { name: string } }[];
};

function toSummary(row: ApiRow, now: Date) {
  return {
    id: row.id,
    blog: row.blog.slug,
    slug: row.slug,
    url: `/${row.blog.slug}/${row.slug}`,
    title: row.title,
    excerpt: row.excerpt,
    status: effectiveStatus(row, now),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    author: row.author,
    tags: row.tags.map(({ tag }) => tag.name),
    coverImageUrl: row.coverImageUrl,
  };
}

/**
 * listPostsForApi: a page of the blog's posts. Everyone gets public posts; `status` draft,
 * scheduled or all adds the non-public posts the caller may edit (owner: all, author: own).
 */
export async function listPostsForApi(
  actor: Actor,
  blogId: string,
  query: Partial<ApiPostListQuery>,
): Promise<ApiPostList> {
  const { status, page } = ApiPostListQuerySchema.parse(query);
  const now = new Date();
  const role = await getBlogRole(actor?.id, blogId);
  const writable = writerPostScope(actor, role);
  const scope: PostWhereInput | null = writable
    ? { blogId, deletedAt: null, ...(writable === "all" ? {} : writable) }
    : null;
  const where: PostWhereInput | null =
    status === "published"
      ? { blogId, ...publicPostWhere(now) }
      : status === "all"
        ? { OR: [{ blogId, ...publicPostWhere(now) }, ...(scope ? [scope] : [])] }
        : scope && status === "draft"
          ? { ...scope, status: "draft" }
          : scope && { ...scope, status: "scheduled", publishedAt: { gt: now } };
  const rows = where
    ? await db.post.findMany({
        where,
        select: apiSelect,
        orderBy: [{ publishedAt: "desc" }, { updatedAt: "desc" }],
        skip: (page - 1) * PAGE_SIZE,
        take: PAGE_SIZE + 1,
      })
    : [];
  return {
    posts: rows.slice(0, PAGE_SIZE).map((row) => toSummary(row, now)),
    page,
    pageSize: PAGE_SIZE,
    hasMore: rows.length > PAGE_SIZE,
  };
}

async function apiPostById(actor: Actor, postId: string): Promise<ApiPost> {
  const row = await db.post.findUniqueOrThrow({
    where: { id: postId },
    select: { ...apiSelect, bodyHtml: true, bodySource: true, blogId: true },
  });
  return toApiPost(actor, row, await getBlogRole(actor?.id, row.blogId));
}

function toApiPost(
  actor: Actor,
  row: ApiRow & { bodyHtml: string; bodySource: string; authorId: string },
  role: BlogRole | null,
): ApiPost {
  const mayEdit = canEditPost(actor, role, row);
  return {
    ...toSummary(row, new Date()),
    bodyHtml: row.bodyHtml,
    ...(mayEdit ? { bodyMarkdown: row.bodySource } : {}),
  };
}

/** getPostForApi: a public post by slug, or any live post of the blog the caller may edit; NOT_FOUND otherwise. */
export async function getPostForApi(actor: Actor, blogId: string, slug: string): Promise<ApiPost> {
  const row = await db.post.findUnique({
    where: { blogId_slug: { blogId, slug } },
    select: { ...apiSelect, bodyHtml: true, bodySource: true, deletedAt: true },
  });
  if (!row) throw notFound();
  const role = await getBlogRole(actor?.id, blogId);
  if (!canReadPost(actor, role, { authorId: row.authorId, isPublic: isPublic(row), deleted: Boolean(row.deletedAt) }))
    throw notFound();
  return toApiPost(actor, row, role);
}

function saveInput(body: ApiCreatePost | ApiUpdatePost) {
  const { body: bodySource, title, excerpt, tags, coverImageUrl } = body;
  return { title, bodySource, excerpt, tags, coverImageUrl };
}

/** createPostFromApi: creates (and with publish / publishAt publishes) a post in one transaction. */
export async function createPostFromApi(actor: Actor, blogId: string, input: ApiCreatePost): Promise<ApiPost> {
  const body = ApiCreatePostSchema.parse(input);
  if (!actor) throw notFound();
  await renderAhead(await requireBlogWriter(db, actor, blogId), body.body);
  const id = await db.$transaction(async (tx) => {
    await requireBlogWriter(tx, actor, blogId);
    if (body.slug) await assertSlugFree(tx, blogId, body.slug);
    const { id } = await tx.post.create({
      data: {
        blogId,
        authorId: actor.id,
        slug: body.slug ?? placeholderSlug(),
        title: body.title,
        bodySource: "",
        bodyHtml: "",
      },
      select: { id: true },
    });
    await applySave(tx, actor, await requireWritablePost(tx, actor, id), saveInput(body), { forceRevision: true });
    if (body.publish || body.publishAt) {
      await applyPublish(
        tx,
        actor,
        await requireWritablePost(tx, actor, id),
        body.publishAt ? new Date(body.publishAt) : undefined,
      );
    }
    return id;
  });
  const post = await apiPostById(actor, id);
  if (post.status === "published") await publicPostChanged(id, "index");
  return post;
}

/** updatePostFromApi: applies the given fields, then publishes, schedules or unpublishes, in one transaction. */
export async function updatePostFromApi(actor: Actor, postId: string, input: ApiUpdatePost): Promise<ApiPost> {
  const body = ApiUpdatePostSchema.parse(input);
  if (!actor) throw notFound();
  await renderAhead((await requireWritablePost(db, actor, postId)).blog, body.body);
  await db.$transaction(async (tx) => {
    await applySave(tx, actor, await requireWritablePost(tx, actor, postId), { ...saveInput(body), slug: body.slug });
    const post = await requireWritablePost(tx, actor, postId);
    if (body.unpublish) await applyUnpublish(tx, actor, post);
    else if (body.publish || body.publishAt) {
      await applyPublish(tx, actor, post, body.publishAt ? new Date(body.publishAt) : undefined);
    }
  });
  const post = await apiPostById(actor, postId);
  await publicPostChanged(postId, post.status === "published" ? "index" : "remove");
  return post;
}

/** countPublicPosts: how many articles of the blog anyone may read now. */
export function countPublicPosts(blogId: string): Promise<number> {
  return db.post.count({ where: { blogId, ...publicPostWhere() } });
}
