import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { errorResponses, requiredBearer } from "@/lib/openapi/registry";
import { ApiDecisionResultSchema, ApiDecisionSchema, ApiQueueQuerySchema, ApiQueueSchema } from "./api-queue";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

/** registerModerationQueueApi: the queue and its decisions in /api/v1 (issue 11, items 2 and 8). */
export function registerModerationQueueApi(registry: OpenAPIRegistry): void {
  const tags = ["moderation"];
  registry.registerPath({
    method: "get",
    path: "/moderation/queue",
    summary: "The moderation queue",
    description:
      "A blog's queue (its owners and moderators, instance admins) or, without `blog`, every blog's (instance admins). " +
      "Tabs: waiting, reported, spam, removed; 25 items a page by default, oldest first for waiting.",
    tags,
    security: requiredBearer,
    request: { query: ApiQueueQuerySchema },
    responses: {
      200: { description: "A page of the queue", content: json(ApiQueueSchema) },
      ...errorResponses(400, 401, 403, 404, 429),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/moderation/decisions",
    summary: "Decide on comments",
    description:
      "approve, reject (= remove), remove, spam or restore one or several comments, all or nothing: " +
      "409 when one of them is no longer in a state the decision applies to (nothing changes).",
    tags,
    security: requiredBearer,
    request: { body: { required: true, content: json(ApiDecisionSchema) } },
    responses: {
      200: { description: "Decided", content: json(ApiDecisionResultSchema) },
      ...errorResponses(400, 401, 403, 404, 409, 429),
    },
  });
}
