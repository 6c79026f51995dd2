"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireViewer } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import { liftSanction, sanctionPerson, SANCTION_KINDS } from "@/lib/moderation";

// The people page's forms (warn, suspend, ban, lift). Each posts back to the page it came from,
// which says what happened (?done=…) or why not (?error=<message key>); the services check the
// policy, so these only parse and pass on.

const ReturnTo = z
  .string()
  .regex(/^(\/write\/[a-z0-9-]+)?\/moderation\/people\/[A-Za-z0-9_-]+$/)
  .catch("/write");

function back(form: FormData, query: Record<string, string>): never {
  const to = ReturnTo.parse(form.get("returnTo"));
  redirect(`${to}?${new URLSearchParams(query)}#sanction-status`);
}

function errorKey(error: unknown): string {
  if (isAppError(error)) return error.message;
  if (error instanceof z.ZodError) return error.issues[0]?.message ?? "errors.checkFields";
  throw error;
}

const SanctionForm = z.object({
  userId: z.string().max(64),
  blogId: z.string().max(64),
  scope: z.enum(["blog", "instance"]).catch("blog"),
  kind: z.enum(SANCTION_KINDS),
  reason: z.string().max(2000),
  duration: z.string().max(8).optional(),
});

export async function sanctionAction(form: FormData): Promise<void> {
  const viewer = await requireViewer("/write");
  const parsed = SanctionForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) back(form, { error: "errors.checkFields" });
  const { userId, blogId, scope, kind, reason, duration } = parsed.data;
  let error: string | null = null;
  try {
    await sanctionPerson(viewer, {
      userId,
      blogId: scope === "instance" ? null : blogId,
      kind,
      reason,
      ...(kind === "suspension" ? { duration } : {}),
    });
  } catch (caught) {
    error = errorKey(caught);
  }
  back(form, error ? { error } : { done: kind });
}

export async function liftAction(form: FormData): Promise<void> {
  const viewer = await requireViewer("/write");
  let error: string | null = null;
  try {
    await liftSanction(viewer, {
      sanctionId: String(form.get("sanctionId") ?? ""),
      reason: String(form.get("reason") ?? ""),
    });
  } catch (caught) {
    error = errorKey(caught);
  }
  back(form, error ? { error } : { done: "lift" });
}
