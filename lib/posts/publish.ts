import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireWritablePost, type Tx, type WritablePost } from "./access";
import { publicPostChanged } from "./indexing";
import { isPublic } from "./public";
import { recordRevision } from "./revisions";
import type { SavedPost } from "./save-post";
import { isPlaceholderSlug, slugFromTitle, uniqueSlug } from "./slugs";

const savedSelect = {
  id: true,
  slug: true,
  status: true,
  publishedAt: true,
  deletedAt: true,
  updatedAt: true,
} as const;

/**
 * applyPublish: inside the caller's transaction, publishes now ("published"; a post published
 * before keeps its date) or at a future `at` ("scheduled": public from that instant, no job
 * needed). A placeholder slug becomes one made from the title.
 */
export async function applyPublish(
  tx: Tx,
  actor: NonNullable<Actor>,
  post: WritablePost,
  at?: Date,
): Promise<SavedPost> {
  if (at && Number.isNaN(at.getTime()))
    throw new AppError("INVALID_INPUT", "validation.publishAtInvalid", { field: "publishAt" });
  if (!post.title.trim()) throw new AppError("INVALID_INPUT", "validation.postTitleEmpty", { field: "title" });
  const now = new Date();
  const scheduled = Boolean(at && at > now);
  const publishedAt = at ?? (post.status === "published" && post.publishedAt ? post.publishedAt : now);
  const slug = isPlaceholderSlug(post.slug)
    ? await uniqueSlug(tx, post.blogId, slugFromTitle(post.title), post.id)
    : post.slug;
  const status = scheduled ? "scheduled" : "published";
  if (status !== post.status) await recordRevision(tx, post.id, actor.id, post, true);
  return tx.post.update({ where: { id: post.id }, data: { status, publishedAt, slug }, select: savedSelect });
}

/** publishPost: publishes now, or schedules for `at` when it is in the future. */
export async function publishPost(actor: Actor, postId: string, options: { at?: Date } = {}): Promise<SavedPost> {
  if (!actor) throw new AppError("NOT_FOUND", "errors.notFound");
  const saved = await db.$transaction(async (tx) =>
    applyPublish(tx, actor, await requireWritablePost(tx, actor, postId), options.at),
  );
  await publicPostChanged(saved.id, isPublic(saved) ? "index" : "remove");
  return saved;
}

/** applyUnpublish: back to draft (a schedule is cancelled); the text is kept. */
export async function applyUnpublish(tx: Tx, actor: NonNullable<Actor>, post: WritablePost): Promise<SavedPost> {
  if (post.status !== "draft") await recordRevision(tx, post.id, actor.id, post, true);
  return tx.post.update({ where: { id: post.id }, data: { status: "draft", publishedAt: null }, select: savedSelect });
}

/** unpublishPost: takes a published or scheduled post back to draft; readers no longer see it. */
export async function unpublishPost(actor: Actor, postId: string): Promise<SavedPost> {
  if (!actor) throw new AppError("NOT_FOUND", "errors.notFound");
  const saved = await db.$transaction(async (tx) =>
    applyUnpublish(tx, actor, await requireWritablePost(tx, actor, postId)),
  );
  await publicPostChanged(saved.id, "remove");
  return saved;
}
