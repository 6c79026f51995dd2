import { z } from "zod";
import { AppError } from "@/lib/errors";

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

/** parseSearchInput: the input checked, or AppError INVALID_INPUT with its i18n key (validation.searchQuery). */
export function parseSearchInput(input: SearchInput): z.output<typeof SearchInputSchema> {
  const parsed = SearchInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0]?.message ?? "validation.invalid";
  throw new AppError("INVALID_INPUT", message.startsWith("validation.") ? message : "validation.invalid", {
    field: String(parsed.error.issues[0]?.path[0] ?? "q"),
  });
}

/** SearchKind: what the search page looks through (the "type" field of its form). */
export const SEARCH_KINDS = ["all", "articles", "comments"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The first value of a repeated URL parameter. */
const single = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/**
 * SearchPageSchema: the search page's URL parameters (a GET form: q, blog, type, offset). Never
 * fails: a missing or bad value becomes its default (type "all", offset 0), so a hand-edited URL
 * shows the search page, not an error. The query itself is checked by SearchInputSchema.
 */
export const SearchPageSchema = z.object({
  q: z
    .preprocess(
      single,
      z.string().transform((q) => q.slice(0, MAX_QUERY_LENGTH + 1)),
    )
    .catch(""),
  blog: z.preprocess(single, z.string().max(100)).optional().catch(undefined),
  type: z.preprocess(single, z.enum(SEARCH_KINDS)).catch("all"),
  offset: z.preprocess(single, z.coerce.number().int().min(0).max(10_000)).catch(0),
});
