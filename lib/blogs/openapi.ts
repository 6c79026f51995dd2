import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { errorResponses, optionalBearer } from "@/lib/openapi/registry";
import { BlogSlugSchema } from "./schemas";

// /api/v1 blog shapes: the handlers answer with these very objects, and the OpenAPI
// document registers them below.

export const ApiBlogSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    url: z.string().meta({ description: "Path of the blog on this instance" }),
    name: z.string(),
    tagline: z.string().nullable(),
    description: z.string().nullable().meta({ description: "Markdown" }),
    language: z.enum(["fr", "en"]),
    postCount: z.number().int().meta({ description: "Articles anyone may read" }),
  })
  .meta({ id: "Blog" });

export const ApiBlogListSchema = z.object({ blogs: z.array(ApiBlogSchema) }).meta({ id: "BlogList" });

export const ApiBlogParamsSchema = z.object({ blog: BlogSlugSchema.meta({ description: "Blog slug" }) });

export type ApiBlog = z.infer<typeof ApiBlogSchema>;

/** toApiBlog: a blog summary as the API shows it (unknown keys dropped by the schema). */
export function toApiBlog(blog: Omit<ApiBlog, "url" | "language"> & { language: string }): ApiBlog {
  return ApiBlogSchema.parse({ ...blog, url: `/${blog.slug}` });
}

/** registerBlogsApi: the /blogs and /blogs/{blog} operations. */
export function registerBlogsApi(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/blogs",
    summary: "List the blogs of the instance",
    tags: ["blogs"],
    security: optionalBearer,
    responses: {
      200: { description: "Every blog, by name", content: { "application/json": { schema: ApiBlogListSchema } } },
      ...errorResponses(401, 429),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/blogs/{blog}",
    summary: "Read a blog",
    tags: ["blogs"],
    security: optionalBearer,
    request: { params: ApiBlogParamsSchema },
    responses: {
      200: { description: "The blog", content: { "application/json": { schema: ApiBlogSchema } } },
      ...errorResponses(401, 404, 429),
    },
  });
}
