import { z } from "zod";
import { PostSlugSchema } from "./schemas";

export const PostTitleSchema = z
  .string()
  .trim()
  .min(1, "validation.postTitleEmpty")
  .max(200, "validation.postTitleTooLong");

/** A draft may wait for its title (the editor starts empty); publishing asks for one. */
const DraftTitleSchema = z.string().trim().max(200, "validation.postTitleTooLong");

/** Markdown as written; only its length is capped (rendering sanitizes it). */
export const PostBodySchema = z.string().max(200_000, "validation.postBodyTooLong");

export const PostExcerptSchema = z.string().trim().max(500, "validation.postExcerptTooLong");

export const PostTagsSchema = z
  .array(z.string().trim().min(1, "validation.tagEmpty").max(40, "validation.tagTooLong"))
  .max(10, "validation.tooManyTags");

/** A cover is an upload of this instance (/uploads/…) or an http(s) URL. */
export const CoverImageUrlSchema = z
  .string()
  .trim()
  .max(500, "validation.coverUrlInvalid")
  .regex(/^(\/uploads\/[A-Za-z0-9._-]+|https?:\/\/\S+)$/, "validation.coverUrlInvalid");

export const PublishAtSchema = z.iso.datetime({ offset: true, message: "validation.publishAtInvalid" });

/**
 * SavePostSchema: what the editor (and the API) may change in one save. Every field is
 * optional: an autosave sends what the form holds, an API call only what it changes.
 */
export const SavePostSchema = z.object({
  /** Empty only while the post is a draft (applySave and publishing check it). */
  title: DraftTitleSchema.optional(),
  bodySource: PostBodySchema.optional(),
  excerpt: PostExcerptSchema.optional(),
  tags: PostTagsSchema.optional(),
  slug: PostSlugSchema.optional(),
  coverImageUrl: CoverImageUrlSchema.nullable().optional(),
  /** null: the blog's rule; otherwise this article's own (open, members only, closed). */
  commentPolicy: z.enum(["open", "members", "closed"]).nullable().optional(),
});
export type SavePostInput = z.infer<typeof SavePostSchema>;

/** parseTagList: "a, b ,c" → ["a", "b", "c"], duplicates (ignoring case) dropped. */
function parseTagList(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(",")
    .map((tag) => tag.trim())
    .filter((tag) => tag && !seen.has(tag.toLowerCase()) && seen.add(tag.toLowerCase()));
}

/** EditorFormSchema: the editor's plain form (tags comma separated, empty slug/excerpt allowed). */
export const EditorFormSchema = z.object({
  title: DraftTitleSchema.default(""),
  bodySource: PostBodySchema.default(""),
  excerpt: PostExcerptSchema.default(""),
  tags: z.string().max(2000, "validation.tooManyTags").default("").transform(parseTagList).pipe(PostTagsSchema),
  slug: z.union([z.literal(""), PostSlugSchema]).default(""),
  commentPolicy: z
    .enum(["inherit", "open", "members", "closed"])
    .default("inherit")
    .transform((policy) => (policy === "inherit" ? null : policy)),
});

/** ScheduleFormSchema: the datetime-local value of the schedule field (wall time in the instance's zone). */
export const ScheduleFormSchema = z.object({
  publishAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "validation.publishAtInvalid"),
});
