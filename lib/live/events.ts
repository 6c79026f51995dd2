import { z } from "zod";

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
  }),
  z.object({ type: z.literal("comment.edited"), postId: z.string(), commentId: z.string() }),
  z.object({ type: z.literal("comment.removed"), postId: z.string(), commentId: z.string() }),
]);
export type LiveEvent = z.infer<typeof LiveEventSchema>;
export type LiveListener = (event: LiveEvent) => void;
