"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireViewer, type Viewer } from "@/lib/auth";
import { getBlogBySlug } from "@/lib/blogs";
import { env } from "@/lib/env.js";
import { AppError } from "@/lib/errors";
import { failure, parseForm, type FormState } from "@/lib/forms";
import {
  EditorFormSchema,
  ScheduleFormSchema,
  deletePost,
  publishPost,
  restorePost,
  restoreRevision,
  saveDraft,
  startDraft,
  unpublishPost,
  uploadPostImage,
  wallTimeToDate,
} from "@/lib/posts";
import { saveImageUpload } from "@/lib/uploads";

// An empty postId: a new article, created by this save (nothing is stored before something is written).
const IdsSchema = z.object({ blog: z.string().min(1).max(60), postId: z.string().max(64) });
const editorPath = (blog: string, postId: string) => `/write/${blog}/posts/${postId}`;

function revalidate(blog: string, postId: string) {
  revalidatePath(`/write/${blog}/posts`);
  revalidatePath(editorPath(blog, postId));
  revalidatePath(`/${blog}`, "layout");
}

async function requireBlogId(blogSlug: string): Promise<string> {
  const blog = await getBlogBySlug(blogSlug);
  if (!blog) throw new AppError("NOT_FOUND", "errors.notFound");
  return blog.id;
}

/** The cover field: a new upload, a removal, or (undefined) no change. */
async function coverChange(form: FormData): Promise<string | null | undefined> {
  const file = form.get("cover");
  if (file instanceof File && file.size > 0) {
    try {
      return (await saveImageUpload(file, { purpose: "cover" })).url;
    } catch (error) {
      if (error instanceof AppError) throw new AppError(error.code, error.message, { field: "cover" });
      throw error;
    }
  }
  return form.get("removeCover") ? null : undefined;
}

async function publishIntent(
  viewer: Viewer,
  postId: string,
  intent: string,
  form: FormData,
): Promise<FormState | null> {
  if (intent === "publish") await publishPost(viewer, postId);
  else if (intent === "unpublish") await unpublishPost(viewer, postId);
  else if (intent === "schedule") {
    const parsed = parseForm(ScheduleFormSchema, { publishAt: form.get("publishAt") ?? "" });
    if (!parsed.data) return parsed.state;
    const at = wallTimeToDate(parsed.data.publishAt, env.TIME_ZONE);
    if (at.getTime() <= Date.now()) {
      return { ok: false, message: "errors.checkFields", fieldErrors: { publishAt: ["validation.publishAtPast"] } };
    }
    await publishPost(viewer, postId, { at });
  }
  return null;
}

/**
 * editorAction: the editor form without JavaScript too. Saves the fields (and the cover), then
 * does what the pressed button asks: save, publish, schedule, unpublish, delete or restore.
 */
export async function editorAction(_prev: FormState, form: FormData): Promise<FormState> {
  const ids = IdsSchema.safeParse({ blog: form.get("blog"), postId: form.get("postId") });
  if (!ids.success) return { ok: false, message: "errors.notFound" };
  const { blog } = ids.data;
  let { postId } = ids.data;
  const viewer = await requireViewer(postId ? editorPath(blog, postId) : `/write/${blog}/posts/new`);
  const intent = String(form.get("intent") ?? "save");
  const created = !postId;
  try {
    if (created) {
      const parsed = parseForm(EditorFormSchema, form);
      if (!parsed.data) return parsed.state;
      const { slug, ...fields } = parsed.data;
      postId = (await startDraft(viewer, await requireBlogId(blog), { ...fields, slug: slug || undefined })).id;
    }
    if (intent === "delete" || intent === "restore") {
      await (intent === "delete" ? deletePost : restorePost)(viewer, postId);
      revalidate(blog, postId);
      return { ok: true, message: intent === "delete" ? "editor.deleted" : "editor.restored" };
    }
    const parsed = parseForm(EditorFormSchema, form);
    if (!parsed.data) return parsed.state;
    const { slug, ...fields } = parsed.data;
    await saveDraft(viewer, postId, { ...fields, slug: slug || undefined, coverImageUrl: await coverChange(form) });
    const refused = await publishIntent(viewer, postId, intent, form);
    // A refusal after this save created the article: the form carries on with its id.
    if (refused) return { ...refused, values: undefined, data: created ? { postId } : undefined };
  } catch (error) {
    return { ...failure(error), ...(created && postId ? { data: { postId } } : {}) };
  }
  revalidate(blog, postId);
  // The article now exists: its own editor (where a refused publication shows again).
  if (created) redirect(editorPath(blog, postId));
  return {
    ok: true,
    message: `editor.done.${["publish", "schedule", "unpublish"].includes(intent) ? intent : "save"}`,
    data: { savedAt: new Date().toISOString() },
  };
}

export type AutosaveResult = {
  ok: boolean;
  /** Set when this save created the article. */
  postId?: string;
  savedAt?: string;
  message?: string;
  fieldErrors?: Record<string, string[]>;
};

/** autosaveAction: the editor's background save of the text fields (no cover, no status change). */
export async function autosaveAction(
  blog: string,
  postId: string,
  fields: Record<string, string>,
): Promise<AutosaveResult> {
  const viewer = await requireViewer(editorPath(blog, postId));
  const parsed = parseForm(EditorFormSchema, fields);
  if (!parsed.data) return { ok: false, message: parsed.state.message, fieldErrors: parsed.state.fieldErrors };
  try {
    const { slug, ...rest } = parsed.data;
    const saved = await saveDraft(viewer, postId, { ...rest, slug: slug || undefined });
    return { ok: true, savedAt: saved.updatedAt.toISOString() };
  } catch (error) {
    const state = failure(error);
    return { ok: false, message: state.message, fieldErrors: state.fieldErrors };
  }
}

/**
 * startDraftAction: the editor's first autosave of a new article; creates the draft only when a
 * title or a text was written (nothing to save otherwise: no empty drafts).
 */
export async function startDraftAction(blog: string, fields: Record<string, string>): Promise<AutosaveResult> {
  const viewer = await requireViewer(`/write/${blog}/posts/new`);
  const parsed = parseForm(EditorFormSchema, fields);
  if (!parsed.data) return { ok: false, message: parsed.state.message, fieldErrors: parsed.state.fieldErrors };
  const { slug, ...rest } = parsed.data;
  if (!rest.title && !rest.bodySource.trim()) return { ok: true };
  try {
    const saved = await startDraft(viewer, await requireBlogId(blog), { ...rest, slug: slug || undefined });
    revalidatePath(`/write/${blog}/posts`);
    return { ok: true, postId: saved.id, savedAt: saved.updatedAt.toISOString() };
  } catch (error) {
    const state = failure(error);
    return { ok: false, message: state.message, fieldErrors: state.fieldErrors };
  }
}

export type ImageUploadResult =
  { ok: true; url: string; width: number; height: number } | { ok: false; message: string };

/** uploadImageAction: an image pasted or dropped into the text, stored for the blog's article. */
export async function uploadImageAction(blog: string, form: FormData): Promise<ImageUploadResult> {
  const viewer = await requireViewer(`/write/${blog}/posts`);
  const file = form.get("image");
  if (!(file instanceof File)) return { ok: false, message: "validation.uploadEmpty" };
  try {
    return { ok: true, ...(await uploadPostImage(viewer, await requireBlogId(blog), file)) };
  } catch (error) {
    return { ok: false, message: failure(error).message ?? "errors.unexpected" };
  }
}

/** restoreRevisionAction: puts a revision back (the current text is kept as a revision first). */
export async function restoreRevisionAction(blog: string, revisionId: string): Promise<void> {
  const viewer = await requireViewer(`/write/${blog}/posts`);
  const { postId } = await restoreRevision(viewer, revisionId);
  revalidate(blog, postId);
  redirect(`${editorPath(blog, postId)}?restored=1`);
}

/** restorePostAction: brings a deleted post back (from the writer's list). */
export async function restorePostAction(blog: string, postId: string): Promise<void> {
  const viewer = await requireViewer(`/write/${blog}/posts`);
  await restorePost(viewer, postId);
  revalidate(blog, postId);
}
