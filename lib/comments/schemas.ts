import { z } from "zod";
import { DisplayNameSchema, EmailSchema } from "@/lib/users/schemas";

/** The longest comment, in characters after trimming. */
export const MAX_COMMENT_LENGTH = 5000;

/** CommentBodySchema: markdown, 1–5,000 characters once trimmed. */
export const CommentBodySchema = z
  .string("validation.commentEmpty")
  .transform((body) => body.replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().min(1, "validation.commentEmpty").max(MAX_COMMENT_LENGTH, "validation.commentTooLong"));

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

/**
 * CreateCommentSchema: a new comment or reply. `guestName` / `guestEmail` are read only when
 * nobody is signed in (the service requires them then); a form's empty fields count as absent.
 */
export const CreateCommentSchema = z.object({
  postId: z.string().min(1).max(64),
  parentId: optionalText.pipe(z.string().max(64).optional()),
  body: CommentBodySchema,
  guestName: optionalText.pipe(DisplayNameSchema.optional()),
  guestEmail: optionalText.pipe(EmailSchema.optional()),
});
export type CreateCommentInput = z.input<typeof CreateCommentSchema>;

/** EditCommentSchema: the new body of one's own comment. */
export const EditCommentSchema = z.object({ body: CommentBodySchema });

/** RejectCommentSchema: a moderator's verdict on a comment, with an optional reason. */
export const RejectCommentSchema = z.object({
  as: z.enum(["spam", "removed"]).default("removed"),
  reason: z.string().trim().max(500).optional(),
});
export type RejectCommentInput = z.input<typeof RejectCommentSchema>;

/** ThreadSortSchema: top-level threads by date (oldest or newest first) or by likes. */
export const ThreadSortSchema = z.enum(["oldest", "newest", "liked"]).catch("oldest");
export type ThreadSort = z.infer<typeof ThreadSortSchema>;

/** ThreadPageSchema: a page of the discussion (`?page=`), from 1; anything else reads as page 1. */
export const ThreadPageSchema = z.coerce.number().int().min(1).max(1_000_000).catch(1);

/** ListCommentsQuerySchema: `?format=tree|flat&sort=oldest|newest|liked&page=N` of the comments API. */
export const ListCommentsQuerySchema = z.object({
  format: z.enum(["tree", "flat"]).default("tree"),
  sort: z.enum(["oldest", "newest", "liked"]).default("oldest"),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
});

/** CommentPolicySchema: who may comment on a blog or an article. */
export const CommentPolicySchema = z.enum(["open", "members", "closed"]);
export type CommentPolicy = z.infer<typeof CommentPolicySchema>;
