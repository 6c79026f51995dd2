import { z } from "zod";
import { PostSlugSchema } from "./schemas";
import {
  CoverImageUrlSchema,
  PostBodySchema,
  PostExcerptSchema,
  PostTagsSchema,
  PostTitleSchema,
  PublishAtSchema,
} from "./write-schemas";

// These objects are both what the /api/v1 handlers parse and answer with and what the OpenAPI
// document describes (lib/posts/openapi.ts registers these very objects).

const ApiPostStatusSchema = z.enum(["draft", "scheduled", "published"]);

const ApiPostSummarySchema = z
  .object({
    id: z.string(),
    blog: z.string().meta({ description: "Slug of the post's blog" }),
    slug: z.string(),
    url: z.string().meta({ description: "Path of the article on this instance" }),
    title: z.string(),
    excerpt: z.string().nullable(),
    status: ApiPostStatusSchema.meta({ description: "A scheduled post whose date has passed is published" }),
    publishedAt: z.string().nullable().meta({ description: "ISO 8601" }),
    updatedAt: z.string(),
    author: z.object({ handle: z.string(), name: z.string() }),
    tags: z.array(z.string()),
    coverImageUrl: z.string().nullable(),
  })
  .meta({ id: "PostSummary" });

export const ApiPostSchema = ApiPostSummarySchema.extend({
  bodyHtml: z.string().meta({ description: "Sanitized HTML rendering of the body" }),
  bodyMarkdown: z.string().optional().meta({ description: "Markdown source; only for callers who may edit the post" }),
}).meta({ id: "Post" });

export const ApiPostListSchema = z
  .object({
    posts: z.array(ApiPostSummarySchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    hasMore: z.boolean(),
  })
  .meta({ id: "PostList" });

export const ApiPostListQuerySchema = z.object({
  status: z
    .enum(["published", "draft", "scheduled", "all"])
    .default("published")
    .meta({ description: "draft, scheduled and all add the posts the caller may edit (token of an owner or author)" }),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

const writable = {
  title: PostTitleSchema,
  body: PostBodySchema.meta({ description: "Markdown" }),
  slug: PostSlugSchema,
  excerpt: PostExcerptSchema,
  tags: PostTagsSchema,
  coverImageUrl: CoverImageUrlSchema.nullable(),
  publish: z.boolean().meta({ description: "Publish now" }),
  publishAt: PublishAtSchema.meta({
    description: "Publish at this ISO 8601 instant (a future one schedules the post)",
  }),
};

export const ApiCreatePostSchema = z
  .strictObject({
    ...writable,
    body: writable.body.default(""),
    slug: writable.slug.optional(),
    excerpt: writable.excerpt.optional(),
    tags: writable.tags.optional(),
    coverImageUrl: writable.coverImageUrl.optional(),
    publish: writable.publish.optional(),
    publishAt: writable.publishAt.optional(),
  })
  .meta({ id: "CreatePost" });

export const ApiUpdatePostSchema = z
  .strictObject({
    title: writable.title.optional(),
    body: writable.body.optional(),
    slug: writable.slug.optional(),
    excerpt: writable.excerpt.optional(),
    tags: writable.tags.optional(),
    coverImageUrl: writable.coverImageUrl.optional(),
    publish: writable.publish.optional(),
    publishAt: writable.publishAt.optional(),
    unpublish: z.boolean().optional().meta({ description: "Back to draft" }),
  })
  .meta({ id: "UpdatePost" });

export type ApiPost = z.infer<typeof ApiPostSchema>;
export type ApiPostList = z.infer<typeof ApiPostListSchema>;
export type ApiPostListQuery = z.infer<typeof ApiPostListQuerySchema>;
export type ApiCreatePost = z.infer<typeof ApiCreatePostSchema>;
export type ApiUpdatePost = z.infer<typeof ApiUpdatePostSchema>;
