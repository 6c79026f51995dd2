import type { Link, Root, Text } from "mdast";
import { toString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";

// French spacing, after the Imprimerie nationale's rules as most French publishers apply them
// on screen: a no-break space (U+00A0) before the colon, a narrow no-break space (U+202F)
// before ; ! ? and inside « ». The colon keeps the full-width space the rules ask for; the
// narrow one everywhere else is what French typesetting uses and what every current system
// font carries. Existing spaces are replaced, never invented, except inside « », so `http://`,
// `10:30` and `a:b` are left alone; a colon or semicolon followed by a character that is not a
// space or closing punctuation (`:)`, `;-)`, `:D`) is an emoticon and left alone too.
const NBSP = "\u00A0";
const NNBSP = "\u202F";

// Linear time: each space pattern starts with a lookbehind that refuses to start inside a run of
// spaces, so a run is tried once from its first character (greedy, then the lookahead) instead of
// once from every character of it — 40,000 spaces took 15 s without it (quadratic backtracking).
// The matches are the same: a run followed by anything else never matched from its middle either.
const beforeBang = /(?<![ \u00A0\u202F])[ \u00A0\u202F]+(?=[!?]+(?![\p{L}\p{N}]))/gu;
const beforeSemicolon = /(?<![ \u00A0\u202F])[ \u00A0\u202F]+(?=;(?:$|[\s»"”’.]))/g;
const beforeColon = /(?<![ \u00A0\u202F])[ \u00A0\u202F]+(?=:(?:$|[\s«»"“”]))/g;
const afterOpening = /«[ \t\n\u00A0\u202F]*/g;
const beforeClosing = /(?<![ \t\n\u00A0\u202F])[ \t\n\u00A0\u202F]*»/g;

/**
 * applyFrenchSpacing: `text` with French no-break spaces. `hasPrevious` / `hasNext` say whether
 * inline content surrounds it (a « that ends a text node before emphasis still gets its space).
 */
export function applyFrenchSpacing(text: string, context: { hasPrevious?: boolean; hasNext?: boolean } = {}): string {
  const { hasPrevious = false, hasNext = false } = context;
  return text
    .replace(afterOpening, (match, offset: number) =>
      offset + match.length === text.length && !hasNext ? match : "«" + NNBSP,
    )
    .replace(beforeClosing, (match, offset: number) =>
      offset === 0 && !hasPrevious && match === "»" ? match : NNBSP + "»",
    )
    .replace(beforeBang, NNBSP)
    .replace(beforeSemicolon, NNBSP)
    .replace(beforeColon, NBSP);
}

/** isAutolink: a link whose text is its URL (`<https://…>` or a bare URL), which must stay as typed. */
function isAutolink(node: Link): boolean {
  const text = toString(node);
  return text === node.url || `mailto:${text}` === node.url || `http://${text}` === node.url;
}

/** applyFrenchTypography: French spacing in the tree's text nodes (never code, URLs or attributes). */
export function applyFrenchTypography(tree: Root): void {
  visit(tree, "text", (node: Text, index, parent) => {
    if (!parent || index === undefined) return;
    if (parent.type === "link" && isAutolink(parent)) return;
    node.value = applyFrenchSpacing(node.value, {
      hasPrevious: index > 0,
      hasNext: index < parent.children.length - 1,
    });
  });
}
