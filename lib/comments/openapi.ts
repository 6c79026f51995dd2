import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { errorResponses, optionalBearer, requiredBearer } from "@/lib/openapi/registry";
import {
  ApiCommentSchema,
  ApiCreateCommentSchema,
  ApiCreatedCommentSchema,
  ApiEditCommentSchema,
  ApiLikeSchema,
  ApiMentionSuggestionsSchema,
  ApiNotificationListSchema,
  ApiThreadSchema,
} from "./api-schemas";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const PostParams = z.object({ id: z.string().min(1).max(64).meta({ description: "Post id" }) });
const CommentParams = z.object({ id: z.string().min(1).max(64).meta({ description: "Comment id" }) });

/** ThreadQuerySchema / SuggestionsQuerySchema / NotificationsQuerySchema: documented query strings. */
const ThreadQuery = z.object({
  format: z.enum(["tree", "flat"]).optional().meta({ description: "tree (default) or flat, in reading order" }),
  sort: z.enum(["oldest", "newest", "liked"]).optional().meta({ description: "Order of top-level threads" }),
  page: z
    .string()
    .optional()
    .meta({ description: "Page of top-level threads, from 1 (default 1; the blog sets threads per page)" }),
});
const SuggestionsQuery = z.object({ q: z.string().max(60).optional().meta({ description: "Text typed after @" }) });
const NotificationsQuery = z.object({
  unread: z.enum(["1", "0"]).optional(),
  cursor: z.string().optional().meta({ description: "nextCursor of the previous page" }),
  limit: z.string().optional().meta({ description: "1–50, default 20" }),
});
const MarkReadBody = z
  .union([z.object({ all: z.literal(true) }), z.object({ ids: z.array(z.string()).min(1).max(100) })])
  .meta({ id: "MarkNotificationsRead" });

/** registerCommentPaths: the discussion endpoints of /api/v1 (comments, likes, mentions, notifications). */
export function registerCommentPaths(registry: OpenAPIRegistry): void {
  const tags = ["comments"];
  registry.registerPath({
    method: "get",
    path: "/posts/{id}/comments",
    summary: "An article's comments",
    description:
      "As a tree (replies oldest first) or a flat list. Held comments appear only to the blog's moderators and their author.",
    tags,
    security: optionalBearer,
    request: { params: PostParams, query: ThreadQuery },
    responses: {
      200: { description: "The discussion", content: json(ApiThreadSchema) },
      ...errorResponses(400, 401, 404, 429),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/posts/{id}/comments",
    summary: "Comment or reply",
    description:
      "Markdown, 1–5,000 characters. Mentions (@handle, @Display Name) notify the people named (10 at most).",
    tags,
    security: optionalBearer,
    request: { params: PostParams, body: { required: true, content: json(ApiCreateCommentSchema) } },
    responses: {
      201: { description: "Created (status pending: held for moderation)", content: json(ApiCreatedCommentSchema) },
      ...errorResponses(400, 401, 403, 404, 429),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/comments/{id}",
    summary: "One rendered comment",
    description: "What live updates fetch after an event; a deleted or removed comment is a placeholder.",
    tags,
    security: optionalBearer,
    request: { params: CommentParams },
    responses: {
      200: { description: "The comment", content: json(ApiCommentSchema) },
      ...errorResponses(401, 404, 429),
    },
  });
  registry.registerPath({
    method: "patch",
    path: "/comments/{id}",
    summary: "Edit one's own comment (or, with a note, someone's as a moderator)",
    tags,
    security: requiredBearer,
    request: { params: CommentParams, body: { required: true, content: json(ApiEditCommentSchema) } },
    responses: {
      200: { description: "The edited comment", content: json(ApiCommentSchema) },
      ...errorResponses(400, 401, 403, 404, 429),
    },
  });
  registry.registerPath({
    method: "delete",
    path: "/comments/{id}",
    summary: "Delete one's own comment",
    description: "It stays as a placeholder so its replies keep their place.",
    tags,
    security: requiredBearer,
    request: { params: CommentParams },
    responses: {
      200: { description: "Deleted", content: json(ApiCommentSchema) },
      ...errorResponses(401, 403, 404, 429),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/comments/{id}/like",
    summary: "Like or unlike a comment",
    description: "One like per person; not on one's own comment.",
    tags,
    security: requiredBearer,
    request: { params: CommentParams },
    responses: {
      200: { description: "The like after the toggle", content: json(ApiLikeSchema) },
      ...errorResponses(401, 403, 404, 429),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/posts/{id}/mention-suggestions",
    summary: "People to @mention",
    description:
      "Signed-in callers, under a public article. The thread's people first (author, commenters, members), then, once a query is typed, others; at most 8.",
    tags,
    security: requiredBearer,
    request: { params: PostParams, query: SuggestionsQuery },
    responses: {
      200: { description: "Suggestions", content: json(ApiMentionSuggestionsSchema) },
      ...errorResponses(401, 404, 429),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/notifications",
    summary: "The caller's notifications",
    tags: ["notifications"],
    security: requiredBearer,
    request: { query: NotificationsQuery },
    responses: {
      200: { description: "Newest first", content: json(ApiNotificationListSchema) },
      ...errorResponses(400, 401, 429),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/notifications/read",
    summary: "Mark notifications read",
    tags: ["notifications"],
    security: requiredBearer,
    request: { body: { required: true, content: json(MarkReadBody) } },
    responses: {
      200: {
        description: "How many changed",
        content: json(z.object({ updated: z.number().int(), unread: z.number().int() })),
      },
      ...errorResponses(400, 401, 429),
    },
  });
}
