import { z } from "zod";

export const PostSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "An article address cannot be empty")
  .max(120, "An article address has at most 120 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens");

export const PostStatusSchema = z.enum(["draft", "scheduled", "published"]);
