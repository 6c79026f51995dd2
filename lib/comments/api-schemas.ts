import { z } from "zod";
import type { CommentNode } from "./tree";
import type { ThreadItem, ThreadViewer } from "./thread";
import { MAX_COMMENT_LENGTH } from "./schemas";

const id = z.string().min(1).max(64);

/** ApiCommentSchema: one comment as the API returns it (a hidden one is a placeholder: empty body, no author). */
export const ApiCommentSchema = z
  .object({
    id,
    postId: id,
    parentId: id.nullable(),
    status: z.enum(["pending", "approved", "hidden", "spam", "removed", "deleted"]).meta({
      description: "hidden: reported enough times to wait for a moderator's review (readers get a placeholder)",
    }),
    createdAt: z.string().meta({ description: "ISO 8601" }),
    editedAt: z.string().nullable(),
    bodyHtml: z.string().meta({ description: "Sanitized HTML; empty for placeholders" }),
    likeCount: z.number().int(),
    guestName: z.string().nullable(),
    author: z.object({ id, handle: z.string(), name: z.string(), image: z.string().nullable() }).nullable(),
    isPostAuthor: z.boolean(),
    isModerator: z.boolean(),
    isOwn: z.boolean(),
    viewerHasLiked: z.boolean(),
    isHeld: z.boolean(),
    moderatorNote: z.string().nullable().meta({ description: "A moderator's note on their edit" }),
    isPinned: z.boolean(),
    canReport: z.boolean().meta({ description: "The caller may report it" }),
    viewerHasReported: z.boolean(),
    moderation: z
      .object({
        source: z.string(),
        reason: z.string().nullable(),
        reports: z.object({
          count: z.number().int(),
          reasons: z.record(z.string(), z.number().int()),
          notes: z.array(z.string()),
          reporters: z.array(z.string()),
        }),
      })
      .nullable()
      .meta({ description: "Only for the blog's moderators: the source, why it was taken down, its open reports" }),
  })
  .meta({ id: "Comment" });
export type ApiComment = z.infer<typeof ApiCommentSchema>;

/** ApiCommentNodeSchema: a comment with its depth (1 = top level) and its replies, oldest first. */
export const ApiCommentNodeSchema = ApiCommentSchema.extend({
  depth: z.number().int().min(1),
  get replies(): z.ZodArray<typeof ApiCommentNodeSchema> {
    return z.array(ApiCommentNodeSchema);
  },
}).meta({ id: "CommentNode" });
export type ApiCommentNode = ApiComment & { depth: number; replies: ApiCommentNode[] };

/** ApiThreadViewerSchema: what the caller may do in this discussion. */
export const ApiThreadViewerSchema = z
  .object({
    canComment: z.boolean(),
    reason: z.enum(["closed", "locked", "membersOnly", "signIn", "sanctioned"]).optional(),
    asGuest: z.boolean().optional(),
    held: z.boolean().optional().meta({ description: "The caller's comments wait for moderation" }),
    canModerate: z.boolean(),
    isFollowing: z.boolean(),
    locked: z.boolean().meta({ description: "Locked by moderation: no new comments" }),
    slowModeSeconds: z.number().int().nullable().meta({ description: "Slow mode: one comment per person every N s" }),
    nextCommentAt: z.string().nullable().meta({ description: "In slow mode, when the caller may comment again (ISO)" }),
  })
  .meta({ id: "ThreadViewer" });

/** ApiThreadSchema: GET /posts/{id}/comments — a tree, or a flat list in reading order with depths. */
export const ApiThreadSchema = z
  .object({
    format: z.enum(["tree", "flat"]),
    count: z.number().int().meta({ description: "Approved comments" }),
    viewer: ApiThreadViewerSchema,
    page: z
      .object({
        number: z.number().int().min(1),
        count: z.number().int().min(1).meta({ description: "Pages of the discussion" }),
        size: z.number().int().min(1).meta({ description: "Top-level threads per page" }),
        threads: z.number().int().min(0).meta({ description: "Top-level threads on all pages" }),
      })
      .meta({ description: "This page of top-level threads, each with all its replies" }),
    comments: z.union([
      z.array(ApiCommentNodeSchema),
      z.array(ApiCommentSchema.extend({ depth: z.number().int().min(1) })),
    ]),
  })
  .meta({ id: "CommentThread" });

/** ApiCreateCommentSchema: the body of POST /posts/{id}/comments (guest fields only without a token or session). */
export const ApiCreateCommentSchema = z
  .object({
    body: z.string().min(1).max(MAX_COMMENT_LENGTH).meta({ description: "Markdown (comment subset)" }),
    parentId: id.optional().meta({ description: "The comment answered (same article)" }),
    guestName: z.string().max(60).optional(),
    guestEmail: z.string().max(254).optional(),
  })
  .meta({ id: "CreateComment" });

/** ApiCreatedCommentSchema: the id of the new comment and whether it waits for moderation. */
export const ApiCreatedCommentSchema = z
  .object({ id, postId: id, parentId: id.nullable(), status: z.enum(["approved", "pending"]) })
  .meta({ id: "CreatedComment" });

/** ApiEditCommentSchema: the body of PATCH /comments/{id}. */
export const ApiEditCommentSchema = z
  .object({
    body: z.string().min(1).max(MAX_COMMENT_LENGTH),
    note: z.string().min(1).max(300).optional().meta({
      description:
        "A moderator's edit of someone else's comment: the note is shown under it (\"Edited by moderation: …\"). For the blog's owners and moderators and admins.",
    }),
  })
  .meta({ id: "EditComment" });

/** ApiLikeSchema: the caller's like after the toggle, and the new count. */
export const ApiLikeSchema = z.object({ liked: z.boolean(), likeCount: z.number().int() }).meta({ id: "CommentLike" });

/** ApiMentionSuggestionsSchema: the @ autocomplete. */
export const ApiMentionSuggestionsSchema = z
  .object({
    suggestions: z
      .array(
        z.object({
          id,
          handle: z.string(),
          name: z.string(),
          image: z.string().nullable(),
          mention: z
            .string()
            .meta({ description: "What to write after the @: the name, or the handle when the name is shared" }),
        }),
      )
      .max(8),
  })
  .meta({ id: "MentionSuggestions" });

/** ApiNotificationListSchema: a page of the caller's notifications and their unread count. */
export const ApiNotificationListSchema = z
  .object({
    items: z.array(
      z.object({
        id,
        kind: z.enum([
          "reply",
          "mention",
          "post_comment",
          "thread_comment",
          "comment_held",
          "citation",
          "report_outcome",
          "sanction",
        ]),
        outcome: z
          .enum(["upheld", "dismissed"])
          .optional()
          .meta({ description: "report_outcome: the reported comment was taken down (upheld) or kept (dismissed)" }),
        createdAt: z.string(),
        readAt: z.string().nullable(),
        actor: z.object({ handle: z.string(), name: z.string(), image: z.string().nullable() }).nullable(),
        post: z.object({ id, title: z.string(), slug: z.string(), blogSlug: z.string() }).nullable(),
        commentId: id.nullable(),
        guestName: z.string().nullable().meta({ description: "The comment's guest author (notices without an actor)" }),
        detail: z
          .record(z.string(), z.unknown())
          .nullable()
          .meta({ description: "What the kind carries; sanction: { kind, reason, endsAt, blog, blogSlug }" }),
        href: z.string().nullable(),
      }),
    ),
    nextCursor: z.string().nullable(),
    unread: z.number().int(),
  })
  .meta({ id: "NotificationList" });

/** toApiComment: a ThreadItem with its dates as ISO strings. */
export function toApiComment(item: ThreadItem): ApiComment {
  return {
    ...item,
    status: item.status as ApiComment["status"],
    createdAt: item.createdAt.toISOString(),
    editedAt: item.editedAt?.toISOString() ?? null,
  };
}

/** toApiTree: the tree with ISO dates. */
export function toApiTree(tree: readonly CommentNode<ThreadItem>[]): ApiCommentNode[] {
  return tree.map(({ replies, depth, ...item }) => ({ ...toApiComment(item), depth, replies: toApiTree(replies) }));
}

/** toApiViewer: the viewer block without internal fields. */
export function toApiViewer(viewer: ThreadViewer): z.infer<typeof ApiThreadViewerSchema> {
  const thread = {
    canModerate: viewer.canModerate,
    isFollowing: viewer.isFollowing,
    locked: viewer.locked,
    slowModeSeconds: viewer.slowModeSeconds,
    nextCommentAt: viewer.nextCommentAt?.toISOString() ?? null,
  };
  return viewer.canComment
    ? { canComment: true, asGuest: viewer.asGuest, held: viewer.held, ...thread }
    : { canComment: false, reason: viewer.reason, ...thread };
}
