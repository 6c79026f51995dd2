"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireViewer } from "@/lib/auth";
import { decideComments, moderatorEditComment } from "@/lib/comments";
import { failure, formValues, type FormState } from "@/lib/forms";
import { pinComment, reportComment, setSlowMode, setThreadLock } from "@/lib/moderation";

const Id = z.string().min(1).max(64);
const PathSchema = z.string().regex(/^\/[a-z0-9-]+\/[a-z0-9-]+$/);
const ACTS = ["remove", "spam", "restore", "pin", "unpin", "lock", "unlock", "slow", "modedit", "report"] as const;
type Act = (typeof ACTS)[number];

/** What the announcement says once an act succeeded (moderationThread.done). */
const DONE: Record<Act, string> = {
  remove: "removed",
  spam: "spam",
  restore: "restored",
  pin: "pinned",
  unpin: "unpinned",
  lock: "locked",
  unlock: "unlocked",
  slow: "slow",
  modedit: "edited",
  report: "reported",
};

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
};

async function run(act: Act, form: FormData): Promise<void> {
  const viewer = await requireViewer("/");
  const reason = text(form, "reason")?.trim() || undefined;
  switch (act) {
    case "remove":
    case "spam":
    case "restore":
      await decideComments(viewer, { ids: [Id.parse(form.get("commentId"))], decision: act, reason });
      return;
    case "pin":
      await pinComment(viewer, Id.parse(form.get("postId")), Id.parse(form.get("commentId")));
      return;
    case "unpin":
      await pinComment(viewer, Id.parse(form.get("postId")), null);
      return;
    case "lock":
    case "unlock":
      await setThreadLock(viewer, Id.parse(form.get("postId")), act === "lock", reason);
      return;
    case "slow":
      await setSlowMode(viewer, Id.parse(form.get("postId")), { seconds: text(form, "seconds") || null });
      return;
    case "modedit":
      await moderatorEditComment(viewer, Id.parse(form.get("commentId")), {
        body: text(form, "body") ?? "",
        note: text(form, "note") ?? "",
      });
      return;
    case "report":
      await reportComment(viewer, Id.parse(form.get("commentId")), {
        reason: text(form, "reportReason") as never,
        note: text(form, "note"),
      });
      return;
  }
}

/**
 * threadToolAction: every thread tool and report of the article page (the form's `act`):
 * one service call each (they check the policy), then the article re-renders; the answer is a
 * translated sentence the page announces (the discussion ships no i18n runtime).
 */
export async function threadToolAction(_prev: FormState, form: FormData): Promise<FormState> {
  const t = await getTranslations();
  const act = z.enum(ACTS).safeParse(form.get("act"));
  if (!act.success) return { ok: false, message: t("errors.forbidden") };
  try {
    await run(act.data, form);
    const path = PathSchema.safeParse(form.get("path"));
    if (path.success) revalidatePath(path.data);
    return { ok: true, message: t("moderationThread.done", { action: DONE[act.data] }) };
  } catch (error) {
    const say = (key: string) => (t.has(key) ? t(key) : key);
    if (error instanceof z.ZodError) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of error.issues) {
        const key = String(issue.path[0] ?? "form");
        (fieldErrors[key] ??= []).push(
          say(issue.message.startsWith("validation.") ? issue.message : "validation.invalid"),
        );
      }
      const first = Object.values(fieldErrors)[0]?.[0];
      return { ok: false, message: first ?? say("errors.checkFields"), fieldErrors, values: formValues(form) };
    }
    const state = failure(error, form);
    const seconds = Number(state.data?.retryAfterSeconds ?? 60);
    const message =
      state.message === "errors.rateLimited"
        ? t("errors.rateLimited", { minutes: Math.max(1, Math.ceil(seconds / 60)) })
        : state.fieldErrors
          ? say(Object.values(state.fieldErrors)[0]![0]!)
          : say(state.message ?? "errors.forbidden");
    return { ok: false, message, values: state.values };
  }
}
