"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth";
import { decideComments } from "@/lib/comments";
import { isAppError } from "@/lib/errors";
import { QueueDecisionFormSchema, queueFormInput, withParams } from "@/lib/moderation";

/**
 * decideQueueAction: the queue's one form (an item's button, or the bulk bar on the checked
 * items), for a blog's queue and the instance's. decideComments checks that the person
 * moderates every comment's blog and decides all or nothing; the queue then shows what was
 * done (with Undo for a removal or spam) or why nothing was, in its live region.
 */
export async function decideQueueAction(form: FormData): Promise<void> {
  const input = QueueDecisionFormSchema.safeParse(queueFormInput(form));
  const fallback = typeof form.get("returnTo") === "string" ? String(form.get("returnTo")) : "/moderation";
  const viewer = await requireViewer(input.success ? input.data.returnTo : "/moderation");
  if (!input.success) {
    const safe = /^\/(write\/[a-z0-9-]{1,60}\/)?moderation(\?|$)/.test(fallback) ? fallback : "/moderation";
    redirect(withParams(safe, { done: undefined, ids: undefined, error: "INVALID_INPUT" }));
  }
  const { returnTo, action, decision, ids, reason } = input.data;
  let error: string | undefined;
  try {
    await decideComments(viewer, { ids, decision, reason });
  } catch (caught) {
    if (!isAppError(caught)) throw caught;
    error = caught.code;
  }
  revalidatePath(returnTo.split("?")[0]!);
  redirect(
    withParams(returnTo, {
      done: error ? undefined : action,
      ids: error ? undefined : ids.join(","),
      error,
    }),
  );
}
