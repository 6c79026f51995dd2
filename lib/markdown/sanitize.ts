import type { Options as SanitizeSchema } from "rehype-sanitize";

// Our own allow-list rather than GitHub's defaultSchema, whose "*" entry allows ~60 attributes
// (action, method, name, tabIndex…) that markdown never produces. Only what the pipeline emits
// is allowed. Attributes the pipeline itself adds after sanitizing (rel, loading, width, the
// heading anchors) need no allowance here. Ids are prefixed with "user-content-" (DOM
// clobbering: an id must never shadow a global such as `window.__next_f`).
const protocols = { href: ["http", "https", "mailto"], src: ["http", "https"] };

// Code highlighting runs before sanitizing: keep its classes ("hljs", "language-x", "hljs-keyword",
// and highlight.js's sub-scope suffixes such as "function_").
const codeAttributes = {
  code: [["className", "hljs", /^language-[\w+#.-]+$/]],
  span: [["className", /^hljs-[\w-]+$/, /^[a-z]+_{1,3}$/]],
} satisfies SanitizeSchema["attributes"];

// Mentions (another remark plugin) render as <a class="mention" data-user-id="…">.
const mentionLink: NonNullable<SanitizeSchema["attributes"]>[string] = [
  ["className", "mention"],
  "dataUserId",
  "href",
  "title",
];

const taskList = {
  ul: [["className", "contains-task-list"]],
  ol: [["className", "contains-task-list"], "start"],
  li: [["className", "task-list-item"]],
  input: [["type", "checkbox"], ["disabled", true], "checked"],
} satisfies SanitizeSchema["attributes"];

/** articleSchema: what an article body may contain once rendered. */
export const articleSchema: SanitizeSchema = {
  tagNames: [
    ...["p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "span"],
    ...["em", "strong", "del", "a", "img", "ul", "ol", "li", "input", "sup", "section"],
    ...["table", "thead", "tbody", "tr", "th", "td"],
    // Raw HTML authors reach for, harmless without attributes.
    ...[
      "kbd",
      "sub",
      "s",
      "ins",
      "mark",
      "abbr",
      "small",
      "details",
      "summary",
      "figure",
      "figcaption",
      "dl",
      "dt",
      "dd",
    ],
  ],
  attributes: {
    ...codeAttributes,
    abbr: ["title"],
    ...taskList,
    li: [["className", "task-list-item"], "id"],
    a: [
      ["className", "mention", "data-footnote-backref"],
      "dataUserId",
      "href",
      "title",
      "id",
      "dataFootnoteRef",
      "dataFootnoteBackref",
      "ariaDescribedBy",
      "ariaLabel",
    ],
    img: ["src", "alt", "title"],
    h1: ["id"],
    h2: ["id", ["className", "sr-only"]],
    h3: ["id"],
    h4: ["id"],
    h5: ["id"],
    h6: ["id"],
    section: ["dataFootnotes", ["className", "footnotes"]],
    th: [["align", "left", "center", "right"]],
    td: [["align", "left", "center", "right"]],
  },
  required: { input: { type: "checkbox", disabled: true } },
  ancestors: { tbody: ["table"], td: ["table"], th: ["table"], thead: ["table"], tr: ["table"] },
  protocols,
  clobber: ["ariaDescribedBy", "ariaLabelledBy", "id", "name"],
  clobberPrefix: "user-content-",
  strip: ["script", "style", "template", "noscript", "textarea", "title"],
  allowComments: false,
  allowDoctypes: false,
};

/** commentSchema: the comment subset (no images, headings, tables, footnotes, ids or raw HTML). */
export const commentSchema: SanitizeSchema = {
  ...articleSchema,
  tagNames: ["p", "br", "em", "strong", "del", "a", "code", "pre", "span", "blockquote", "ul", "ol", "li", "input"],
  attributes: { ...codeAttributes, ...taskList, a: mentionLink },
};
