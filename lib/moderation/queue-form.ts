import { z } from "zod";

/** The decisions the queue's buttons send ("reject" is how a held comment is removed). */
export const QUEUE_ACTIONS = ["approve", "reject", "remove", "spam", "restore", "keep"] as const;
type QueueAction = (typeof QUEUE_ACTIONS)[number];

/** Where a queue form may send the moderator back: a blog's queue or the instance's, with its query. */
const ReturnToSchema = z
  .string()
  .max(1000)
  .regex(/^\/(write\/[a-z0-9-]{1,60}\/moderation|moderation)(\?[^#\s]*)?$/);

const ItemActSchema = z
  .string()
  .max(100)
  .regex(/^(approve|reject|remove|spam|restore|keep):[A-Za-z0-9_-]{1,64}$/);

/**
 * QueueDecisionFormSchema: the queue's one form. An item's own button sends `act=<action>:<id>`
 * (with that item's `reason:<id>`); the bulk buttons send `decision` with every checked `ids`
 * and the bulk `reason`. The result is what decideComments takes, plus where to go back.
 */
export const QueueDecisionFormSchema = z
  .object({
    returnTo: ReturnToSchema,
    act: ItemActSchema.optional(),
    decision: z.enum(QUEUE_ACTIONS).optional(),
    ids: z.array(z.string().min(1).max(64)).max(100).default([]),
    reason: z.string().trim().max(500).optional(),
    itemReasons: z.record(z.string(), z.string().trim().max(500)).default({}),
  })
  .transform((form, ctx) => {
    const [action, id] = form.act ? (form.act.split(":") as [QueueAction, string]) : [form.decision, null];
    const ids = id ? [id] : form.ids;
    if (!action || !ids.length) {
      ctx.addIssue({ code: "custom", path: ["ids"], message: "moderationQueue.nothingSelected" });
      return z.NEVER;
    }
    const reason = (id ? form.itemReasons[id] : form.reason) || undefined;
    const decision = action === "reject" ? ("remove" as const) : action;
    return { returnTo: form.returnTo, action, decision, ids, reason };
  });

/** queueFormInput: FormData as QueueDecisionFormSchema reads it. */
export function queueFormInput(form: FormData): unknown {
  const itemReasons: Record<string, string> = {};
  for (const [key, value] of form.entries())
    if (key.startsWith("reason:") && typeof value === "string" && value.trim()) itemReasons[key.slice(7)] = value;
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  return {
    returnTo: text("returnTo"),
    act: text("act"),
    decision: text("decision"),
    ids: form.getAll("ids").filter((value): value is string => typeof value === "string"),
    reason: text("reason"),
    itemReasons,
  };
}

/** withParams: a queue address with some query parameters set (undefined removes one). */
export function withParams(href: string, params: Record<string, string | undefined>): string {
  const url = new URL(href, "http://queue.invalid");
  for (const [key, value] of Object.entries(params))
    if (value === undefined) url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  const query = url.searchParams.toString();
  return `${url.pathname}${query ? `?${query}` : ""}`;
}
