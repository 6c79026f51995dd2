import { z } from "zod";

/** The longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 200;

/** SearchInputSchema: what searchPosts accepts; a bad query is the i18n key validation.searchQuery. */
export const SearchInputSchema = z.object({
  q: z
    .string("validation.searchQuery")
    .trim()
    .min(1, "validation.searchQuery")
    .max(MAX_QUERY_LENGTH, "validation.searchQuery"),
  blogSlug: z.string().trim().min(1).max(100).optional(),
  limit: z.number().int().min(1).max(50).default(20),
  offset: z.number().int().min(0).max(10_000).default(0),
});

export type SearchInput = z.input<typeof SearchInputSchema>;
