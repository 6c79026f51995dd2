import rehypeParse from "rehype-parse";
import rehypeRemark from "rehype-remark";
import remarkGfm from "remark-gfm";
import remarkStringify from "remark-stringify";
import { unified } from "unified";

// WordPress post and comment bodies (classic editor text with implied paragraphs, block editor
// HTML with <!-- wp: --> comments, [caption] shortcodes) to clean markdown, text kept exactly.

const BLOCK_START = /^<(?:h[1-6]|ul|ol|li|dl|blockquote|pre|figure|table|div|hr|p|section|address|details)\b/i;

/** autop: WordPress's implied paragraphs (blank line: new paragraph, newline: line break) when the text has none. */
export function autop(html: string): string {
  if (/<p[\s>]/i.test(html)) return html;
  return html
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK_START.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, "<br>\n")}</p>`))
    .join("\n");
}

/** captions: [caption …]<img …> The caption[/caption] → the image, then its caption in italics (linear scan). */
export function captions(html: string): string {
  let out = "";
  let at = 0;
  for (;;) {
    const open = html.indexOf("[caption", at);
    if (open < 0) break;
    const openEnd = html.indexOf("]", open);
    const close = openEnd < 0 ? -1 : html.indexOf("[/caption]", openEnd);
    if (close < 0) break;
    const inner = html.slice(openEnd + 1, close);
    // The media is the leading element (an <img>, or an <a> around it); the rest is the caption.
    const media = /^\s*(<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>)/i.exec(inner);
    const caption = media ? inner.slice(media[0].length).trim() : "";
    out += html.slice(at, open);
    out += media ? `<p>${media[1]}</p>${caption ? `<p><em>${caption}</em></p>` : ""}` : inner;
    at = close + "[/caption]".length;
  }
  return out + html.slice(at);
}

const processor = unified()
  .use(rehypeParse, { fragment: true })
  .use(rehypeRemark)
  .use(remarkGfm)
  .use(remarkStringify, { bullet: "-", emphasis: "*", strong: "*", fences: true, rule: "-", listItemIndent: "one" });

/** wordpressToMarkdown: a WordPress body as markdown (block comments dropped, captions and implied paragraphs resolved). */
export function wordpressToMarkdown(html: string): string {
  const cleaned = captions(html.replace(/<!--\s*\/?wp:[^>]*?-->/g, ""));
  return String(processor.processSync(autop(cleaned))).trim();
}
