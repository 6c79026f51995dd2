"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getViewer, requireViewer } from "@/lib/auth";
import {
  approveComment,
  createComment,
  deleteComment,
  editComment,
  followPost,
  previewComment,
  rejectComment,
  toggleLike,
  unfollowPost,
} from "@/lib/comments";
import { isAppError } from "@/lib/errors";
import { failure, formValues, type FormState } from "@/lib/forms";
import { HONEYPOT_FIELD } from "@/lib/comments/honeypot";
import { clientAddressOf, clientIp } from "@/lib/security";

const Id = z.string().min(1).max(64);
const PathSchema = z.string().regex(/^\/[a-z0-9-]+\/[a-z0-9-]+$/);

// The discussion's client components carry no i18n runtime: messages leave the server translated.
async function translated(state: FormState): Promise<FormState> {
  const t = await getTranslations();
  const text = (key: string) => (t.has(key) ? t(key) : key);
  const fieldErrors = state.fieldErrors
    ? Object.fromEntries(Object.entries(state.fieldErrors).map(([field, keys]) => [field, keys.map(text)]))
    : undefined;
  const minutes = Math.max(1, Math.ceil(Number(state.data?.retryAfterSeconds ?? 60) / 60));
  const message =
    state.message === "errors.rateLimited"
      ? t("errors.rateLimited", { minutes })
      : state.message && text(state.message);
  return { ...state, message, fieldErrors };
}

// Every action goes back to the article it was posted from, re-rendered with the change.
function refresh(form: FormData) {
  const path = PathSchema.safeParse(form.get("path"));
  if (path.success) revalidatePath(path.data);
}

/** createCommentAction: a new comment or reply; guests when the blog allows them (held). */
export async function createCommentAction(_prev: FormState, form: FormData): Promise<FormState> {
  const viewer = await getViewer();
  const request = await headers();
  try {
    const created = await createComment(
      viewer,
      {
        postId: String(form.get("postId") ?? ""),
        parentId: String(form.get("parentId") ?? "") || undefined,
        body: String(form.get("body") ?? ""),
        guestName: String(form.get("guestName") ?? "") || undefined,
        guestEmail: String(form.get("guestEmail") ?? "") || undefined,
      },
      {
        ip: clientIp(request),
        address: clientAddressOf(request),
        userAgent: request.get("user-agent"),
        honeypot: String(form.get(HONEYPOT_FIELD) ?? ""),
      },
    );
    refresh(form);
    const data: Record<string, string> = { id: created.id, status: created.status };
    // A guest's held comment is on no page they can see: the form keeps it on their device
    // (lib/comments/guest-memory) and shows it in place, as the server rendered and sanitized it.
    if (!viewer && created.status === "pending") {
      Object.assign(data, {
        parentId: created.parentId ?? "",
        html: created.bodyHtml,
        name: String(form.get("guestName") ?? "").trim(),
        createdAt: created.createdAt.toISOString(),
      });
    }
    return { ok: true, data };
  } catch (error) {
    if (error instanceof z.ZodError) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of error.issues) {
        const key = String(issue.path[0] ?? "body");
        (fieldErrors[key] ??= []).push(issue.message.startsWith("validation.") ? issue.message : "validation.invalid");
      }
      return translated({ ok: false, message: "errors.checkFields", fieldErrors, values: formValues(form) });
    }
    if (isAppError(error) && error.message === "errors.slowMode") {
      // Slow mode says when the next comment is possible (not the generic "too many attempts").
      const t = await getTranslations();
      return { ok: false, message: t("errors.slowMode", { seconds: Number(error.details?.seconds ?? 0) }) };
    }
    return translated(failure(error, form));
  }
}

/** editCommentAction: changes one's own comment (the earlier text is kept for moderators). */
export async function editCommentAction(_prev: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireViewer("/");
  try {
    await editComment(viewer, Id.parse(form.get("commentId")), String(form.get("body") ?? ""));
    refresh(form);
    return { ok: true };
  } catch (error) {
    if (error instanceof z.ZodError) {
      const key = error.issues[0]?.message ?? "validation.invalid";
      return translated({ ok: false, message: "errors.checkFields", fieldErrors: { body: [key] } });
    }
    return translated(failure(error, form));
  }
}

/** deleteCommentAction: one's own comment becomes a placeholder; replies stay in place. */
export async function deleteCommentAction(form: FormData): Promise<void> {
  const viewer = await requireViewer("/");
  await deleteComment(viewer, Id.parse(form.get("commentId")));
  refresh(form);
}

/** likeAction: one like per person, toggled (the no-JavaScript path of the like button). */
export async function likeAction(form: FormData): Promise<void> {
  const viewer = await requireViewer("/");
  await toggleLike(viewer, Id.parse(form.get("commentId")));
  refresh(form);
}

/** moderateAction: approve a held comment, or remove it (as spam or not), in place. */
export async function moderateAction(form: FormData): Promise<void> {
  const viewer = await requireViewer("/");
  const id = Id.parse(form.get("commentId"));
  const verdict = z.enum(["approve", "removed", "spam"]).parse(form.get("verdict"));
  if (verdict === "approve") await approveComment(viewer, id);
  else await rejectComment(viewer, id, { as: verdict });
  refresh(form);
}

/** followAction: follow or stop following the article's discussion. */
export async function followAction(form: FormData): Promise<void> {
  const viewer = await requireViewer("/");
  const postId = Id.parse(form.get("postId"));
  if (form.get("follow") === "1") await followPost(viewer, postId);
  else await unfollowPost(viewer, postId);
  refresh(form);
}

/** previewCommentAction: the rendered HTML of a draft for the form's preview tab, or why it cannot be shown (translated). */
export async function previewCommentAction(postId: string, body: string): Promise<{ html?: string; error?: string }> {
  const viewer = await getViewer();
  try {
    const ip = clientIp(await headers());
    return { html: await previewComment(viewer, Id.parse(postId), String(body).slice(0, 10_000), { ip }) };
  } catch (error) {
    return { error: (await translated(failure(error))).message ?? "" };
  }
}
