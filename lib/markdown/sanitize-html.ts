import { fromParse5 } from "hast-util-from-parse5";
import { sanitize } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";
import { toText } from "hast-util-to-text";
import type { Element, Root, RootContent } from "hast";
import { parseFragment } from "parse5";
import { commentSchema } from "./sanitize";

/** Received HTML longer than this is cut before parsing (a comment, not a page). */
const MAX_RECEIVED_HTML = 50_000;

/**
 * sanitizeReceivedHtml: HTML from another site (a Webmention's content) reduced to exactly what a
 * comment may contain here (the comment schema), links marked nofollow ugc; with its text.
 * Linear in the input, which is capped first.
 */
export function sanitizeReceivedHtml(html: string): { html: string; text: string } {
  const fragment = fromParse5(parseFragment(html.slice(0, MAX_RECEIVED_HTML))) as Root;
  const clean = sanitize(fragment, commentSchema) as Root;
  const mark = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== "element") continue;
      const element = node as Element;
      if (element.tagName === "a") element.properties = { ...element.properties, rel: ["nofollow", "ugc"] };
      mark(element.children as RootContent[]);
    }
  };
  mark(clean.children);
  return { html: toHtml(clean), text: toText(clean).trim() };
}

/**
 * excerptFromHtml: the first `max` characters of stored, sanitized HTML as plain text (one
 * line, cut at a word with "…"), for notices and lists. Reads at most 20,000 characters.
 */
export function excerptFromHtml(html: string, max = 160): string {
  const fragment = fromParse5(parseFragment(html.slice(0, 20_000))) as Root;
  const text = toText(fragment).replace(/\s+/g, " ").trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
