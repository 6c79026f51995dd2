import { z } from "zod";
import { DisplayNameSchema, PublicHandleSchema } from "./schemas";

const LinkSchema = z.object({
  label: z.string().trim().min(1, "validation.linkLabelEmpty").max(40, "validation.linkLabelTooLong"),
  url: z
    .string()
    .trim()
    .max(300, "validation.urlInvalid")
    .pipe(z.url({ protocol: /^https?$/, message: "validation.urlInvalid" })),
});

/** UpdateProfileSchema: what a person may change on their public profile. */
export const UpdateProfileSchema = z.object({
  handle: PublicHandleSchema,
  name: DisplayNameSchema,
  bio: z
    .string()
    .trim()
    .max(500, "validation.bioTooLong")
    .transform((bio) => bio || null),
  links: z.array(LinkSchema).max(5, "validation.tooManyLinks").default([]),
});
export type UpdateProfileInput = z.infer<typeof UpdateProfileSchema>;
