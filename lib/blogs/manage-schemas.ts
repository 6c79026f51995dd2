import { z } from "zod";
import { AppError } from "@/lib/errors";
import { RuleFormFields, type BlogRulesFormInput } from "@/lib/moderation";
import { HandleSchema } from "@/lib/users/schemas";
import { BlogSlugSchema, CommentPolicySchema, LanguageSchema, MembershipRoleSchema } from "./schemas";

/** A checkbox: "on" when ticked (forms), or a boolean (API and tests). */
const Checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

/** Optional text: trimmed, an empty string becomes null. */
const optionalText = (max: number, tooLong: string) =>
  z.preprocess(
    (value) => (typeof value === "string" ? value.trim() || null : (value ?? null)),
    z.string().max(max, tooLong).nullable(),
  );

const BlogNameSchema = z
  .string()
  .transform((name) => name.normalize("NFC").trim().replace(/\s+/g, " "))
  .pipe(z.string().min(1, "validation.blogNameEmpty").max(80, "validation.blogNameTooLong"));

/** AccentColorSchema: "#rrggbb" (lower-cased), or null for the default colour. */
const AccentColorSchema = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toLowerCase() || null : (value ?? null)),
  z
    .string()
    .regex(/^#[0-9a-f]{6}$/, "validation.accentColor")
    .nullable(),
);

const TaglineSchema = optionalText(140, "validation.taglineTooLong");
const DescriptionSchema = optionalText(1000, "validation.descriptionTooLong");

/**
 * An upload field: a non-empty File, or nothing. An empty file input sends an empty File with no
 * name, which reaches a server action (JavaScript on) named "undefined".
 */
const ImageFileSchema = z.preprocess(
  (value) =>
    value === "" || (value instanceof File && value.size === 0 && (!value.name || value.name === "undefined"))
      ? undefined
      : value,
  z.instanceof(File).optional(),
);

export const CreateBlogSchema = z.object({
  name: BlogNameSchema,
  slug: BlogSlugSchema,
  language: LanguageSchema,
  tagline: TaglineSchema,
  /** Admins only: the handle of the person who will own the blog (default: the creator). */
  ownerHandle: z.preprocess(
    (value) => (typeof value === "string" ? value.trim().replace(/^@/, "") || undefined : value),
    HandleSchema.optional(),
  ),
});
export type CreateBlogInput = {
  name: string;
  slug: string;
  language: "fr" | "en";
  tagline?: string | null;
  ownerHandle?: string;
};

export const UpdateBlogSettingsSchema = z.object({
  name: BlogNameSchema,
  slug: BlogSlugSchema,
  tagline: TaglineSchema,
  description: DescriptionSchema,
  language: LanguageSchema,
  commentPolicy: CommentPolicySchema,
  allowGuestComments: Checkbox,
  frenchTypography: Checkbox,
  accentColor: AccentColorSchema,
  logo: ImageFileSchema,
  removeLogo: Checkbox,
  headerImage: ImageFileSchema,
  removeHeaderImage: Checkbox,
  // Discussion rules (lib/moderation): absent fields keep their value.
  ...RuleFormFields,
});
export type UpdateBlogSettingsInput = BlogRulesFormInput & {
  name: string;
  slug: string;
  tagline?: string | null;
  description?: string | null;
  language: "fr" | "en";
  commentPolicy: "open" | "members" | "closed";
  allowGuestComments?: boolean;
  frenchTypography?: boolean;
  accentColor?: string | null;
  /** A new logo; removeLogo clears the current one. */
  logo?: File;
  removeLogo?: boolean;
  headerImage?: File;
  removeHeaderImage?: boolean;
};

export const AddMemberSchema = z.object({
  handle: z.preprocess((value) => (typeof value === "string" ? value.trim().replace(/^@/, "") : value), HandleSchema),
  role: MembershipRoleSchema,
});

export const MemberRoleSchema = z.object({ userId: z.string().min(1).max(40), role: MembershipRoleSchema });
export const MemberIdSchema = z.object({ userId: z.string().min(1).max(40) });

/**
 * parseBlogInput: the service-side check of a write's input (actions check first, for every
 * field); throws INVALID_INPUT with the first field's message key, and nothing is written.
 */
export function parseBlogInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const message = issue.message.startsWith("validation.") ? issue.message : "validation.invalid";
  throw new AppError("INVALID_INPUT", message, { field: String(issue.path[0] ?? "form") });
}
