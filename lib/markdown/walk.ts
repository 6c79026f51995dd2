import type { Element, Root } from "hast";

/** eachElement: calls `visit` on every element of a hast tree, depth first (a plain loop: visit() costs more on big trees). */
export function eachElement(tree: Root | Element, visit: (node: Element) => void): void {
  for (const child of tree.children) {
    if (child.type !== "element") continue;
    visit(child);
    eachElement(child, visit);
  }
}

/** SanitizedIndex: what the post-sanitize steps work on, gathered in one walk. */
export type SanitizedIndex = { ids: Set<string>; links: Element[]; images: Element[]; headings: Element[] };

/** indexTree: ids, links, images and headings of a sanitized tree, in document order. */
export function indexTree(tree: Root): SanitizedIndex {
  const index: SanitizedIndex = { ids: new Set(), links: [], images: [], headings: [] };
  eachElement(tree, (node) => {
    if (typeof node.properties.id === "string") index.ids.add(node.properties.id);
    if (node.tagName === "a") index.links.push(node);
    else if (node.tagName === "img") index.images.push(node);
    else if (/^h[1-6]$/.test(node.tagName)) index.headings.push(node);
  });
  return index;
}
