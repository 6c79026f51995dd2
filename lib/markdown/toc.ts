import GithubSlugger from "github-slugger";
import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import type { Heading } from "./types";
import { eachElement } from "./walk";

const headingTag = /^h([1-6])$/;
// The footnotes section's own (visually hidden) heading is not part of the article's outline.
const FOOTNOTE_LABEL_ID = "user-content-footnote-label";

/**
 * rehypeHeadingIds: GitHub-style slug ids on headings, before sanitizing (which prefixes them).
 * Unlike rehype-slug, ids already in the tree (footnotes: fn-1, fnref-1, footnote-label) are
 * reserved first, so a heading named "Footnote label" cannot duplicate one.
 */
export function rehypeHeadingIds() {
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    const headings: Element[] = [];
    eachElement(tree, (node) => {
      if (node.properties.id) slugger.slug(String(node.properties.id));
      else if (headingTag.test(node.tagName)) headings.push(node);
    });
    for (const node of headings) {
      const slug = slugger.slug(toString(node));
      if (slug) node.properties.id = slug;
    }
  };
}

/** outlineHeadings: the sanitized headings that carry an id, the footnotes label excluded. */
export function outlineHeadings(headings: Element[]): Element[] {
  return headings.filter((node) => typeof node.properties.id === "string" && node.properties.id !== FOOTNOTE_LABEL_ID);
}

/** collectHeadings: depth, final id and text of each outline heading, for a table of contents. */
export function collectHeadings(outline: Element[]): Heading[] {
  return outline.map((node) => ({
    depth: Number(headingTag.exec(node.tagName)![1]),
    id: String(node.properties.id),
    text: toString(node).trim(),
  }));
}

/**
 * addHeadingAnchors: appends `<a class="heading-anchor" href="#id" aria-hidden="true" tabindex="-1">#</a>`
 * to each heading. Hidden from assistive technology and out of the tab order, so the heading's
 * accessible name stays its text (screen readers navigate by heading already); runs after
 * sanitizing, on ids the sanitizer has already prefixed.
 */
export function addHeadingAnchors(outline: Element[]): void {
  for (const node of outline) {
    node.children.push({
      type: "element",
      tagName: "a",
      properties: {
        className: ["heading-anchor"],
        href: `#${String(node.properties.id)}`,
        ariaHidden: "true",
        tabIndex: -1,
      },
      children: [{ type: "text", value: "#" }],
    });
  }
}
