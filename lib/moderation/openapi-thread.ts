import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ApiCommentSchema } from "@/lib/comments/api-schemas";
import { errorResponses, requiredBearer } from "@/lib/openapi/registry";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const PostParams = z.object({ id: z.string().min(1).max(64).meta({ description: "Post id" }) });
const CommentParams = z.object({ id: z.string().min(1).max(64).meta({ description: "Comment id" }) });

/** The API shapes of the thread tools and reports (the handlers parse with lib/moderation's schemas). */
const ApiThreadLockSchema = z
  .object({ postId: z.string(), lockedAt: z.string().nullable().meta({ description: "ISO; null: unlocked" }) })
  .meta({ id: "ThreadLock" });
const ApiLockBodySchema = z
  .object({ reason: z.string().max(500).optional() })
  .meta({ id: "ThreadLockRequest", description: "Optional; the body may be empty" });
const ApiPinSchema = z.object({ postId: z.string(), pinnedCommentId: z.string().nullable() }).meta({ id: "ThreadPin" });
const ApiPinBodySchema = z
  .object({ commentId: z.string().min(1).max(64).meta({ description: "An approved top-level comment" }) })
  .meta({ id: "PinComment" });
const ApiSlowModeSchema = z
  .object({ postId: z.string(), slowModeSeconds: z.number().int().nullable() })
  .meta({ id: "SlowMode" });
const ApiSlowModeBodySchema = z
  .object({ seconds: z.number().int().min(5).max(86_400).nullable().meta({ description: "null switches it off" }) })
  .meta({ id: "SetSlowMode" });
const ApiReportBodySchema = z
  .object({
    reason: z.enum(["spam", "harassment", "off_topic", "other"]),
    note: z.string().max(500).optional().meta({ description: "Required for other" }),
  })
  .meta({ id: "ReportComment" });
const ApiReportSchema = z
  .object({ commentId: z.string(), hidden: z.boolean().meta({ description: "This report hid the comment" }) })
  .meta({ id: "Report" });
const ApiDecisionBodySchema = z
  .object({
    decision: z.enum(["approve", "restore", "remove", "spam"]),
    reason: z.string().max(500).optional(),
  })
  .meta({ id: "CommentDecision" });
/** registerThreadToolPaths: lock, pin, slow mode, reports, decisions and moderators' edits in /api/v1. */
export function registerThreadToolPaths(registry: OpenAPIRegistry): void {
  const tags = ["moderation"];
  const moderators = "For the blog's owners and moderators and instance admins (403 otherwise).";
  registry.registerPath({
    method: "post",
    path: "/posts/{id}/lock",
    summary: "Lock an article's discussion",
    description: `Existing comments stay; new comments and replies are refused (403). ${moderators}`,
    tags,
    security: requiredBearer,
    request: { params: PostParams, body: { required: false, content: json(ApiLockBodySchema) } },
    responses: { 200: { description: "Locked", content: json(ApiThreadLockSchema) }, ...errorResponses(401, 403, 404) },
  });
  registry.registerPath({
    method: "delete",
    path: "/posts/{id}/lock",
    summary: "Unlock an article's discussion",
    description: moderators,
    tags,
    security: requiredBearer,
    request: { params: PostParams },
    responses: {
      200: { description: "Unlocked", content: json(ApiThreadLockSchema) },
      ...errorResponses(401, 403, 404),
    },
  });
  registry.registerPath({
    method: "put",
    path: "/posts/{id}/pin",
    summary: "Pin a comment above the others",
    description: `One per article (replaces an earlier pin); approved top-level comments only. ${moderators}`,
    tags,
    security: requiredBearer,
    request: { params: PostParams, body: { required: true, content: json(ApiPinBodySchema) } },
    responses: { 200: { description: "Pinned", content: json(ApiPinSchema) }, ...errorResponses(400, 401, 403, 404) },
  });
  registry.registerPath({
    method: "delete",
    path: "/posts/{id}/pin",
    summary: "Unpin",
    description: moderators,
    tags,
    security: requiredBearer,
    request: { params: PostParams },
    responses: { 200: { description: "Unpinned", content: json(ApiPinSchema) }, ...errorResponses(401, 403, 404) },
  });
  registry.registerPath({
    method: "put",
    path: "/posts/{id}/slow-mode",
    summary: "Set or switch off slow mode",
    description: `One comment per person every N seconds (moderators exempt); a comment too soon is refused with 429 and retry-after. ${moderators}`,
    tags,
    security: requiredBearer,
    request: { params: PostParams, body: { required: true, content: json(ApiSlowModeBodySchema) } },
    responses: {
      200: { description: "The new setting", content: json(ApiSlowModeSchema) },
      ...errorResponses(400, 401, 403, 404),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/comments/{id}/report",
    summary: "Report someone's comment",
    description:
      "Once per person and comment (409 afterwards); not one's own; refused while suspended or banned there. Enough open reports (the blog's threshold) hide the comment pending a moderator's review. Rate limited.",
    tags,
    security: requiredBearer,
    request: { params: CommentParams, body: { required: true, content: json(ApiReportBodySchema) } },
    responses: {
      201: { description: "Reported", content: json(ApiReportSchema) },
      ...errorResponses(400, 401, 403, 404, 409, 429),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/comments/{id}/moderation",
    summary: "Decide on a comment",
    description: `approve (a held one), remove with a reason, mark as spam, or restore (removed, spam, or hidden by reports). Resolves its open reports and tells the reporters. ${moderators}`,
    tags,
    security: requiredBearer,
    request: { params: CommentParams, body: { required: true, content: json(ApiDecisionBodySchema) } },
    responses: {
      200: { description: "The comment after the decision", content: json(ApiCommentSchema) },
      ...errorResponses(400, 401, 403, 404, 409),
    },
  });
}
