import { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";

// GitHub's schema (no script, no event handlers, no javascript:/data: URLs) plus the
// classes code highlighting and footnotes need. Everything user-written goes through it.
export const articleSchema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [...(defaultSchema.attributes?.code ?? []), ["className", /^language-[\w-]+$/]],
    a: [...(defaultSchema.attributes?.a ?? []), "rel", "target"],
  },
};

// Comments: a subset (no images, no headings, no tables, no raw HTML).
export const commentSchema: SanitizeSchema = {
  ...articleSchema,
  tagNames: ["p", "br", "em", "strong", "del", "a", "code", "pre", "blockquote", "ul", "ol", "li", "input"],
};
