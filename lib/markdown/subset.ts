import type { Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import { SKIP, visit } from "unist-util-visit";

// What each kind may contain is decided on the markdown tree, where the author's intent is
// still visible; the sanitizer then enforces the same subset on the HTML.

/** demoteTitles: article h1 become h2, since the article page has its own h1 (the title). */
export function demoteTitles(tree: Root): void {
  visit(tree, "heading", (node) => {
    if (node.depth === 1) node.depth = 2;
  });
}

/** replacementFor: what a comment shows instead of a construct it may not contain, or undefined to keep it. */
function replacementFor(node: RootContent): RootContent[] | undefined {
  switch (node.type) {
    case "heading":
      return [{ type: "paragraph", children: [{ type: "strong", children: node.children }] }];
    case "image":
      return [
        { type: "link", url: node.url, title: node.title, children: [{ type: "text", value: node.alt || node.url }] },
      ];
    case "imageReference":
      return [{ ...node, type: "linkReference", children: [{ type: "text", value: node.alt || node.label || "" }] }];
    case "table":
      return node.children.map((row): Paragraph => {
        const cells = row.children.flatMap((cell, i): PhrasingContent[] =>
          i === 0 ? cell.children : [{ type: "text", value: " | " }, ...cell.children],
        );
        return { type: "paragraph", children: cells };
      });
    case "footnoteReference":
      return [{ type: "text", value: `[${node.label ?? node.identifier}]` }];
    case "footnoteDefinition": {
      const label: PhrasingContent = { type: "text", value: `[${node.label ?? node.identifier}] ` };
      const [first, ...rest] = node.children;
      if (first?.type === "paragraph") return [{ ...first, children: [label, ...first.children] }, ...rest];
      return [{ type: "paragraph", children: [label] }, ...node.children];
    }
    case "html":
      return [];
    default:
      return undefined;
  }
}

/** toCommentSubset: headings become bold paragraphs, images links, tables rows of text; raw HTML goes. */
export function toCommentSubset(tree: Root): void {
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined || node.type === "root") return;
    const replacement = replacementFor(node as RootContent);
    if (!replacement) return;
    (parent.children as RootContent[]).splice(index, 1, ...replacement);
    // Visit the replacement itself: a heading may hold an image, a table cell a footnote.
    return [SKIP, index];
  });
}
