import { z } from "zod";
import { BlogSlugSchema, CommentPolicySchema, LanguageSchema, MembershipRoleSchema } from "@/lib/blogs/schemas";
import { PostSlugSchema } from "@/lib/posts/schemas";
import { DisplayNameSchema, EmailSchema, HandleSchema, InstanceRoleSchema } from "@/lib/users/schemas";

const isoDate = z.iso
  .datetime({ offset: true, message: "Use an ISO date with a time zone, e.g. 2026-10-14T09:30:00-04:00" })
  .transform((value) => new Date(value));

/** content/people/<handle>.md front matter; the body is the bio. */
export const PersonFileSchema = z.strictObject({
  handle: HandleSchema,
  name: DisplayNameSchema,
  email: EmailSchema,
  role: InstanceRoleSchema.default("member"),
});

/** content/blogs/<slug>/blog.md front matter; the body is the description. */
export const BlogFileSchema = z.strictObject({
  name: z.string().trim().min(1, "A blog needs a name").max(80),
  tagline: z.string().trim().max(160).optional(),
  language: LanguageSchema,
  commentPolicy: CommentPolicySchema.default("open"),
  allowGuestComments: z.boolean().default(false),
  frenchTypography: z.boolean().default(false),
  accentColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "Use a hex colour such as #b4462b")
    .optional(),
  members: z.array(z.strictObject({ handle: HandleSchema, role: MembershipRoleSchema })).min(1, "A blog needs an owner"),
});

/** content/blogs/<slug>/posts/<post-slug>.md front matter; the body is the article. */
export const PostFileSchema = z.strictObject({
  title: z.string().trim().min(1, "An article needs a title").max(200),
  author: HandleSchema,
  publishedAt: isoDate.optional(),
  status: z.enum(["draft", "published"]).default("published"),
  tags: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
  excerpt: z.string().trim().max(500).optional(),
}).refine((post) => post.status !== "published" || post.publishedAt, {
  message: "A published article needs publishedAt",
  path: ["publishedAt"],
});

const GuestSchema = z.strictObject({
  name: DisplayNameSchema,
  email: EmailSchema,
});

/** One entry of content/blogs/<slug>/comments/<post-slug>.yml. */
const CommentEntrySchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "Use letters, digits, _ and - (at most 40)"),
    author: HandleSchema.optional(),
    guest: GuestSchema.optional(),
    parent: z.string().optional(),
    at: isoDate,
    status: z.enum(["approved", "pending", "spam", "removed", "deleted"]).default("approved"),
    body: z.string().trim().min(1, "A comment cannot be empty").max(10_000),
  })
  .refine((entry) => Boolean(entry.author) !== Boolean(entry.guest), {
    message: "Give either author (a handle) or guest ({ name, email }), not both",
    path: ["author"],
  });

export const CommentFileSchema = z.array(CommentEntrySchema);

export { BlogSlugSchema, PostSlugSchema };
export type PersonFile = z.infer<typeof PersonFileSchema>;
export type BlogFile = z.infer<typeof BlogFileSchema>;
export type PostFile = z.infer<typeof PostFileSchema>;
export type CommentEntry = z.infer<typeof CommentEntrySchema>;
