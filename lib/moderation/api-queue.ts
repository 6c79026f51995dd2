import { z } from "zod";
import { QUEUE_TABS, type QueuePage } from "./queue";

const id = z.string().min(1).max(64);

/** ApiQueueQuerySchema: GET /moderation/queue's query (documented; the handler parses with QueueQuerySchema). */
export const ApiQueueQuerySchema = z.object({
  blog: z.string().optional().meta({ description: "A blog's slug: its queue. Absent: every blog (instance admins)" }),
  tab: z.enum(QUEUE_TABS).optional().meta({ description: "waiting (default), reported, spam or removed" }),
  post: z.string().optional().meta({ description: "Only this article (post id)" }),
  author: z.string().optional().meta({ description: "Only this author: a member's handle or a guest's e-mail" }),
  cursor: z.string().optional().meta({ description: "nextCursor of the previous page" }),
  limit: z.string().optional().meta({ description: "1–100, default 25" }),
});

/** ApiQueueSchema: a page of the moderation queue. */
export const ApiQueueSchema = z
  .object({
    tab: z.enum(QUEUE_TABS),
    counts: z.object({
      waiting: z.number().int(),
      reported: z.number().int(),
      spam: z.number().int(),
      removed: z.number().int(),
    }),
    nextCursor: z.string().nullable(),
    items: z.array(
      z.object({
        id,
        status: z.string(),
        createdAt: z.string().meta({ description: "ISO 8601" }),
        bodyHtml: z.string().meta({ description: "Sanitized HTML" }),
        moderationReason: z.string().nullable(),
        openReports: z.number().int(),
        heldBy: z.array(z.string()).meta({ description: "The rules that held the comment" }),
        author: z.object({
          kind: z.enum(["member", "guest", "deleted"]),
          id: id.nullable(),
          handle: z.string().nullable(),
          name: z.string().nullable(),
          email: z.string().nullable().meta({ description: "A guest's e-mail (moderators only)" }),
        }),
        record: z.object({
          total: z.number().int(),
          approved: z.number().int(),
          removed: z.number().int(),
          spam: z.number().int(),
          reported: z.number().int(),
          firstComment: z.boolean(),
        }),
        post: z.object({ id, title: z.string(), slug: z.string(), href: z.string() }),
        blog: z.object({ id, slug: z.string(), name: z.string() }),
        parent: z.object({ id, excerpt: z.string(), authorName: z.string().nullable(), status: z.string() }).nullable(),
        reports: z.array(
          z.object({
            reason: z.string(),
            count: z.number().int(),
            notes: z.array(z.string()),
            reporters: z.array(z.string()).nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "ModerationQueue" });

/** ApiDecisionSchema: POST /moderation/decisions ("reject" is remove). */
export const ApiDecisionSchema = z
  .object({
    ids: z.array(id).min(1).max(100),
    decision: z.enum(["approve", "reject", "remove", "spam", "restore", "keep"]),
    reason: z.string().max(500).optional(),
  })
  .meta({ id: "ModerationDecision" });

/** ApiDecisionResultSchema: the comments decided and their new status. */
export const ApiDecisionResultSchema = z
  .object({ ids: z.array(id), status: z.string() })
  .meta({ id: "ModerationDecisionResult" });

/** toApiQueue: a queue page with ISO dates and a flat author. */
export function toApiQueue(page: QueuePage): z.infer<typeof ApiQueueSchema> {
  return {
    tab: page.tab,
    counts: page.counts,
    nextCursor: page.nextCursor,
    items: page.items.map(({ author, createdAt, ...item }) => ({
      ...item,
      createdAt: createdAt.toISOString(),
      author:
        author.kind === "member"
          ? { kind: "member", id: author.id, handle: author.handle, name: author.name, email: null }
          : author.kind === "guest"
            ? { kind: "guest", id: null, handle: null, name: author.name, email: author.email }
            : { kind: "deleted", id: null, handle: null, name: null, email: null },
    })),
  };
}
