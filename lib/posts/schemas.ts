import { z } from "zod";

export const PostSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "validation.postSlugEmpty")
  .max(120, "validation.postSlugTooLong")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "validation.slugChars");
