import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";

// Links of an imported post's markdown, read from its syntax tree (never from code or text).

const parser = unified().use(remarkParse).use(remarkGfm);

/**
 * rewriteLinks: the markdown with each link whose URL `replace` maps put to its new address.
 * Only the URL inside each link's own source span changes (found from the syntax tree, so code
 * and text elsewhere are never touched); the rest of the text stays byte for byte.
 */
export function rewriteLinks(
  markdown: string,
  replace: (url: string) => string | undefined,
  kinds: readonly string[] = ["link", "definition"],
): string {
  const edits: { start: number; end: number; text: string }[] = [];
  visit(parser.parse(markdown), (node) => {
    if (!kinds.includes(node.type)) return;
    const url = (node as { url: string }).url;
    const next = replace(url);
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (!next || start === undefined || end === undefined) return;
    const span = markdown.slice(start, end);
    const at = span.lastIndexOf(url);
    if (at < 0) return;
    // An autolink shows its URL as its text: the text stays as written, the link goes to the new address.
    const text =
      span === url || span === `<${url}>`
        ? `[${url}](${next})`
        : span.slice(0, at) + next + span.slice(at + url.length);
    edits.push({ start, end, text });
  });
  let out = markdown;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** markdownLinkUrls: the URLs of the links of a markdown text. */
export function markdownLinkUrls(markdown: string): string[] {
  const urls: string[] = [];
  visit(parser.parse(markdown), (node) => {
    if (node.type === "link" || node.type === "definition") urls.push((node as { url: string }).url);
  });
  return urls;
}

/** markdownImageUrls: the addresses of the images of a markdown text. */
export function markdownImageUrls(markdown: string): string[] {
  const urls: string[] = [];
  visit(parser.parse(markdown), (node) => {
    if (node.type === "image") urls.push((node as { url: string }).url);
  });
  return urls;
}
