import { z } from "zod";

/**
 * The person whose act caused the event (who wrote, edited, deleted, approved, removed, or whose
 * report hid the comment), as a user id: between instances only. A browser never receives it: its
 * stream marks only the reader's own acts, with a random tag of that stream's own (lib/live/sse.ts),
 * so a page can leave its reader's own acts unannounced.
 */
const actorId = z.string().nullable().optional();

/**
 * LiveEventSchema: what readers of an article hear. Ids only, never bodies: the client fetches
 * GET /api/v1/comments/{id}, so the usual permission checks decide what it may see.
 */
export const LiveEventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("comment.created"),
    postId: z.string(),
    commentId: z.string(),
    parentId: z.string().nullable(),
    actorId,
  }),
  z.object({ type: z.literal("comment.edited"), postId: z.string(), commentId: z.string(), actorId }),
  z.object({ type: z.literal("comment.removed"), postId: z.string(), commentId: z.string(), actorId }),
]);
export type LiveEvent = z.infer<typeof LiveEventSchema>;
export type LiveListener = (event: LiveEvent) => void;

/**
 * PagesChangedSchema: what every instance's page cache hears when published pages change: the
 * pages of these scopes (an article whose discussion moved, postId, and the lists showing it:
 * lib/page-cache pagesChanged) or, without scopes, any page (a post, blog or profile changed).
 */
export const PagesChangedSchema = z.object({
  type: z.literal("pages.changed"),
  postId: z.string().optional(),
  scopes: z.array(z.string().min(1).max(200)).max(200).optional(),
  /** The instance that announced it (it has already forgotten the pages). */
  from: z.string().optional(),
});
export type PagesChanged = z.infer<typeof PagesChangedSchema>;
export type PagesListener = (event: PagesChanged) => void;
