import type { Element, Root, RootContent } from "hast";

const WORDS_PER_MINUTE = 230;
const blockTags = new Set([
  ...["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "ul", "ol"],
  ...["table", "thead", "tbody", "tr", "section", "hr", "br"],
]);

/** isSkipped: markup-only text (footnote call numbers and back arrows, the hidden footnotes label). */
function isSkipped(node: Element): boolean {
  const { properties } = node;
  return (
    properties.dataFootnoteRef !== undefined ||
    properties.dataFootnoteBackref !== undefined ||
    properties.id === "user-content-footnote-label"
  );
}

/** extractPlainText: the tree's text without markup, one line per block, whitespace collapsed. */
export function extractPlainText(tree: Root): string {
  const parts: string[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === "text") parts.push(node.value);
      else if (node.type === "element" && !isSkipped(node)) {
        const block = blockTags.has(node.tagName);
        if (block) parts.push("\n");
        else if (node.tagName === "td" || node.tagName === "th") parts.push(" ");
        walk(node.children);
        if (block) parts.push("\n");
      }
    }
  };
  walk(tree.children);
  return parts
    .join("")
    .replace(/[ \t]+/g, " ")
    .replace(/ *\n[\s]*/g, "\n")
    .trim();
}

/** countWords: words (letters or digits, joined by apostrophes or hyphens) in a plain text. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** readingMinutes: minutes to read `words` at 230 words a minute, at least 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}
