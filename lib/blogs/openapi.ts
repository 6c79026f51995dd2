import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import {
  CLOSE_AFTER_DAYS_MAX,
  COMMENTS_PER_PAGE_MAX,
  COMMENTS_PER_PAGE_MIN,
  LINK_LIMIT_MAX,
  REPORT_THRESHOLD_MAX,
  REPORT_THRESHOLD_MIN,
  WORD_LIST_MAX_CHARS,
  WORD_LIST_MAX_ENTRIES,
} from "@/lib/moderation";
import { errorResponses, optionalBearer, requiredBearer } from "@/lib/openapi/registry";
import { BlogSlugSchema } from "./schemas";

// /api/v1 blog shapes: the handlers answer with these very objects, and the OpenAPI
// document registers them below.

const wordList = z.string().meta({
  description: `One word or phrase per line (at most ${WORD_LIST_MAX_ENTRIES} of ${WORD_LIST_MAX_CHARS} characters), matched as whole words without regard to case or accents`,
});

/** ApiBlogRulesSchema: a blog's discussion rules (issue 11), for its owners and instance admins. */
const ApiBlogRulesSchema = z
  .object({
    holdUntilApproved: z.boolean().meta({
      description: "Hold a person's comments until one of theirs was approved here (guests known by e-mail)",
    }),
    holdLinkLimit: z
      .number()
      .int()
      .min(0)
      .max(LINK_LIMIT_MAX)
      .nullable()
      .meta({ description: "Hold a comment with more links than this (null: no limit)" }),
    holdWords: wordList,
    rejectWords: wordList,
    closeAfterDays: z
      .number()
      .int()
      .min(1)
      .max(CLOSE_AFTER_DAYS_MAX)
      .nullable()
      .meta({ description: "Close an article's discussion this many days after publication (null: never)" }),
    reportThreshold: z
      .number()
      .int()
      .min(REPORT_THRESHOLD_MIN)
      .max(REPORT_THRESHOLD_MAX)
      .meta({ description: "Reports after which a comment is hidden pending review" }),
    spamCheck: z.boolean().meta({ description: "Ask the spam service, when the instance has one" }),
    commentsPerPage: z
      .number()
      .int()
      .min(COMMENTS_PER_PAGE_MIN)
      .max(COMMENTS_PER_PAGE_MAX)
      .meta({ description: "Top-level threads per page of an article's discussion (each with all its replies)" }),
  })
  .meta({ id: "BlogRules" });

/** ApiUpdateBlogSchema: PATCH /blogs/{blog}: the rules to change (only those sent change). */
export const ApiUpdateBlogSchema = z
  .object({ rules: ApiBlogRulesSchema.partial().strict() })
  .strict()
  .meta({ id: "UpdateBlog" });

const ApiBlogSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    url: z.string().meta({ description: "Path of the blog on this instance" }),
    name: z.string(),
    tagline: z.string().nullable(),
    description: z.string().nullable().meta({ description: "Markdown" }),
    language: z.enum(["fr", "en"]),
    postCount: z.number().int().meta({ description: "Articles anyone may read" }),
    rules: ApiBlogRulesSchema.optional().meta({
      description: "The discussion rules: present only for the blog's owners and instance admins",
    }),
  })
  .meta({ id: "Blog" });

export const ApiBlogListSchema = z.object({ blogs: z.array(ApiBlogSchema) }).meta({ id: "BlogList" });

export const ApiBlogParamsSchema = z.object({ blog: BlogSlugSchema.meta({ description: "Blog slug" }) });

export type ApiBlog = z.infer<typeof ApiBlogSchema>;

/** toApiBlog: a blog summary as the API shows it (unknown keys dropped by the schema). */
export function toApiBlog(
  blog: Omit<ApiBlog, "url" | "language" | "rules"> & { language: string; rules?: ApiBlog["rules"] | null },
): ApiBlog {
  return ApiBlogSchema.parse({ ...blog, rules: blog.rules ?? undefined, url: `/${blog.slug}` });
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
  registry.registerPath({
    method: "patch",
    path: "/blogs/{blog}",
    summary: "Change a blog's discussion rules",
    description:
      "The blog's owners and instance admins change its discussion rules; only the rules sent change, and each change is recorded in the audit log (blog.settings).",
    tags: ["blogs"],
    security: requiredBearer,
    request: {
      params: ApiBlogParamsSchema,
      body: { required: true, content: { "application/json": { schema: ApiUpdateBlogSchema } } },
    },
    responses: {
      200: { description: "The blog, with its rules", content: { "application/json": { schema: ApiBlogSchema } } },
      ...errorResponses(400, 401, 403, 404, 429),
    },
  });
}
