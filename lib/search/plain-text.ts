// Markdown → the plain text that search indexes and quotes in snippets. Kept in one file so that
// lib/markdown's own plain text can replace it later.
import type { Nodes, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkParse from "remark-parse";
import { unified } from "unified";

// CommonMark without GFM: twice as fast, and GFM syntax (tables, ~~) only leaves punctuation behind.
const parser = unified().use(remarkParse);

// Nodes whose children are blocks: their text is joined with a separator, so that
// "end of one paragraph" and "start of the next" stay two words.
const BLOCK_CONTAINERS = new Set(["root", "blockquote", "list", "listItem", "footnoteDefinition"]);

function textOf(node: Nodes): string {
  if (node.type === "html") return ""; // raw HTML is not prose (and never reaches a snippet)
  if (BLOCK_CONTAINERS.has(node.type) && "children" in node) {
    return (node.children as Nodes[]).map(textOf).filter(Boolean).join("\n");
  }
  return toString(node, { includeHtml: false });
}

/** toPlainText: the words of a markdown text, without markup or raw HTML, one line per block. */
export function toPlainText(markdown: string): string {
  return textOf(parser.parse(markdown) as Root).trim();
}
