import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { syncPostLinks } from "@/lib/links";
import { requireBlogWriter, requireWritablePost, type Tx, type WritablePost } from "./access";
import { publicPostChanged } from "./indexing";
import { isPublic } from "./public";
import { renderPostBody } from "./render";
import { recordRevision } from "./revisions";
import { assertSlugFree, moveSlug, placeholderSlug } from "./slugs";
import { setPostTags } from "./tags";
import { SavePostSchema, type SavePostInput } from "./write-schemas";

export type SavedPost = {
  id: string;
  slug: string;
  status: string;
  publishedAt: Date | null;
  deletedAt: Date | null;
  updatedAt: Date;
};
const savedSelect = {
  id: true,
  slug: true,
  status: true,
  publishedAt: true,
  deletedAt: true,
  updatedAt: true,
} as const;

function requireActor(actor: Actor): NonNullable<Actor> {
  if (!actor) throw new AppError("NOT_FOUND", "errors.notFound");
  return actor;
}

/** createDraft: an empty draft of the blog by the actor (an owner or author of it); the editor uses startDraft. */
export async function createDraft(actor: Actor, blogId: string, options: { title?: string } = {}): Promise<SavedPost> {
  const writer = requireActor(actor);
  return db.$transaction(async (tx) => {
    await requireBlogWriter(tx, writer, blogId);
    return tx.post.create({
      data: {
        blogId,
        authorId: writer.id,
        slug: placeholderSlug(),
        title: options.title || "Untitled",
        bodySource: "",
        bodyHtml: "",
      },
      select: savedSelect,
    });
  });
}

/**
 * startDraft: the editor's first save of a new article: the draft exists only once something
 * was written (a title or a text; INVALID_INPUT otherwise), created and saved in one transaction.
 */
export async function startDraft(actor: Actor, blogId: string, input: SavePostInput): Promise<SavedPost> {
  const writer = requireActor(actor);
  const data = SavePostSchema.parse(input);
  if (!data.title && !data.bodySource?.trim()) {
    throw new AppError("INVALID_INPUT", "validation.postEmpty", { field: "bodySource" });
  }
  const blog = await requireBlogWriter(db, writer, blogId);
  await renderAhead(blog, data.bodySource);
  return db.$transaction(async (tx) => {
    await requireBlogWriter(tx, writer, blogId);
    const { id } = await tx.post.create({
      data: { blogId, authorId: writer.id, slug: placeholderSlug(), title: "", bodySource: "", bodyHtml: "" },
      select: { id: true },
    });
    return applySave(tx, writer, await requireWritablePost(tx, writer, id), data, { forceRevision: true });
  });
}

/**
 * renderAhead: renders a body the way its blog will, before the caller's transaction opens (the
 * caller has checked the actor may write there): the render inside the transaction is then a
 * cache hit, and a text the pipeline refuses throws before anything is locked, so a slow or
 * hostile body never holds the database's write lock (SQLite has one writer) while it renders.
 */
export async function renderAhead(
  blog: { frenchTypography: boolean; language: string },
  bodySource: string | undefined,
): Promise<void> {
  if (bodySource) await renderPostBody(bodySource, blog);
}

/**
 * applySave: writes the changes inside the caller's transaction: slug (old public slugs become
 * aliases), rendered HTML and Link rows when the body changes, tags, and a revision when the
 * text changed (throttled unless forceRevision).
 */
export async function applySave(
  tx: Tx,
  actor: NonNullable<Actor>,
  post: WritablePost,
  input: SavePostInput,
  options: { forceRevision?: boolean } = {},
): Promise<SavedPost> {
  const title = input.title ?? post.title;
  // Readers always see a title: only a draft may be without one.
  if (!title && post.status !== "draft") {
    throw new AppError("INVALID_INPUT", "validation.postTitleEmpty", { field: "title" });
  }
  const bodySource = input.bodySource ?? post.bodySource;
  // A new draft keeps its placeholder slug until publication or an explicit choice: deriving it
  // from a title being typed (autosave) would freeze a half-typed address.
  const slug = input.slug ?? post.slug;
  if (slug !== post.slug) {
    await assertSlugFree(tx, post.blogId, slug, post.id);
    await moveSlug(tx, post, slug);
  }
  const bodyChanged = bodySource !== post.bodySource;
  const rendered = bodyChanged ? await renderPostBody(bodySource, post.blog) : null;
  if (rendered) await syncPostLinks(tx, post.id, rendered.links, rendered.html);
  if (input.tags) await setPostTags(tx, post.id, input.tags, post.blog.language);
  if (bodyChanged || title !== post.title) {
    await recordRevision(tx, post.id, actor.id, { title, bodySource }, Boolean(options.forceRevision));
  }
  return tx.post.update({
    where: { id: post.id },
    data: {
      title,
      slug,
      bodySource,
      ...(rendered ? rendered.stored : {}),
      ...(input.excerpt !== undefined ? { excerpt: input.excerpt || null } : {}),
      ...(input.coverImageUrl !== undefined ? { coverImageUrl: input.coverImageUrl } : {}),
      ...(input.commentPolicy !== undefined ? { commentPolicy: input.commentPolicy } : {}),
    },
    select: savedSelect,
  });
}

/**
 * saveDraft: the editor's save and autosave. Validates (ZodError), checks that the actor may
 * edit the post (NOT_FOUND otherwise), and writes everything in one transaction. A published
 * post stays published: its public HTML follows the saved text.
 */
export async function saveDraft(actor: Actor, postId: string, input: SavePostInput): Promise<SavedPost> {
  const writer = requireActor(actor);
  const data = SavePostSchema.parse(input);
  await renderAhead((await requireWritablePost(db, writer, postId)).blog, data.bodySource);
  const saved = await db.$transaction(async (tx) =>
    applySave(tx, writer, await requireWritablePost(tx, writer, postId), data),
  );
  if (isPublic(saved)) await publicPostChanged(saved.id, "index");
  return saved;
}
