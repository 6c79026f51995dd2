import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ApiBlogParamsSchema } from "@/lib/blogs/openapi";
import { errorResponses, optionalBearer, requiredBearer } from "@/lib/openapi/registry";
import {
  ApiCreatePostSchema,
  ApiPostListQuerySchema,
  ApiPostListSchema,
  ApiPostSchema,
  ApiUpdatePostSchema,
} from "./api-schemas";
import { PostSlugSchema } from "./schemas";

export const ApiPostParamsSchema = ApiBlogParamsSchema.extend({
  slug: PostSlugSchema.meta({ description: "Post slug" }),
});
export const ApiPostIdParamsSchema = z.object({ id: z.string().min(1).max(64).meta({ description: "Post id" }) });

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

/** registerPostsApi: list, read, create and update posts. */
export function registerPostsApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/blogs/{blog}/posts",
    summary: "List a blog's posts",
    description:
      "Anonymous callers get published posts only. With a token, status=draft|scheduled|all adds the posts the token's owner may edit.",
    tags: ["posts"],
    security: optionalBearer,
    request: { params: ApiBlogParamsSchema, query: ApiPostListQuerySchema },
    responses: {
      200: { description: "A page of posts (20 a page)", content: json(ApiPostListSchema) },
      ...errorResponses(400, 401, 404, 429),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/blogs/{blog}/posts/{slug}",
    summary: "Read a post",
    description: "A published post, or (with a token) a draft or scheduled post its owner may edit, with its markdown.",
    tags: ["posts"],
    security: optionalBearer,
    request: { params: ApiPostParamsSchema },
    responses: { 200: { description: "The post", content: json(ApiPostSchema) }, ...errorResponses(401, 404, 429) },
  });
  registry.registerPath({
    method: "post",
    path: "/blogs/{blog}/posts",
    summary: "Create a post",
    description: "For owners and authors of the blog. A draft unless publish is true or publishAt is given.",
    tags: ["posts"],
    security: requiredBearer,
    request: { params: ApiBlogParamsSchema, body: { required: true, content: json(ApiCreatePostSchema) } },
    responses: {
      201: { description: "The new post", content: json(ApiPostSchema) },
      ...errorResponses(400, 401, 403, 404, 409, 429),
    },
  });
  registry.registerPath({
    method: "patch",
    path: "/posts/{id}",
    summary: "Update a post",
    description: "Authors update their own posts, owners any post of their blog. Only the fields sent change.",
    tags: ["posts"],
    security: requiredBearer,
    request: { params: ApiPostIdParamsSchema, body: { required: true, content: json(ApiUpdatePostSchema) } },
    responses: {
      200: { description: "The updated post", content: json(ApiPostSchema) },
      ...errorResponses(400, 401, 403, 404, 409, 429),
    },
  });
}
