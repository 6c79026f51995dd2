import { parse } from "parse5";

type Node = {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
};

const BLOCKS = new Set([
  "p",
  "li",
  "blockquote",
  "td",
  "th",
  "dd",
  "dt",
  "figcaption",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
]);
const MAX_CONTEXT = 280;

/**
 * sentenceAround: the sentence of `text` that holds the characters [start, end) (the link),
 * cut at sentence ends (. ! ? … followed by a space), at most MAX_CONTEXT characters, with an
 * ellipsis where it was shortened.
 */
export function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const after = text.slice(end);
  const startCut = Math.max(...[...before.matchAll(/[.!?…]["»”’)]?\s+/g)].map((m) => m.index + m[0].length), 0);
  const endMatch = /[.!?…]["»”’)]?(?=\s|$)/.exec(after);
  const endCut = end + (endMatch ? endMatch.index + endMatch[0].length : after.length);
  let sentence = text.slice(startCut, endCut).replace(/\s+/g, " ").trim();
  if (sentence.length > MAX_CONTEXT) {
    const link = text.slice(start, end);
    const at = Math.max(0, sentence.indexOf(link) - Math.floor((MAX_CONTEXT - link.length) / 2));
    sentence = `${at > 0 ? "…" : ""}${sentence.slice(at, at + MAX_CONTEXT).trim()}…`;
  }
  return sentence;
}

/** linkKey: a link as markdown wrote it and as HTML encoded it compare equal (accents, spaces). */
export function linkKey(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}

/**
 * linkContexts: for each link of a rendered article (sanitized HTML), the sentence around its
 * first occurrence, keyed by linkKey(href). Linear in the HTML.
 */
export function linkContexts(html: string): Map<string, string> {
  const contexts = new Map<string, string>();
  const visitBlock = (block: Node) => {
    // The block's text, and where each link's text lies in it.
    let text = "";
    const spans: { href: string; start: number; end: number }[] = [];
    const walk = (node: Node) => {
      if (node.nodeName === "#text") {
        text += node.value ?? "";
        return;
      }
      const href = node.tagName === "a" ? node.attrs?.find((a) => a.name === "href")?.value : undefined;
      const start = text.length;
      for (const child of node.childNodes ?? []) {
        if (child.tagName && BLOCKS.has(child.tagName)) continue; // nested blocks get their own turn
        walk(child);
      }
      if (href) spans.push({ href, start, end: text.length });
    };
    walk(block);
    for (const span of spans) {
      const key = linkKey(span.href);
      if (!contexts.has(key)) contexts.set(key, sentenceAround(text, span.start, span.end));
    }
  };
  const stack: Node[] = [parse(html) as unknown as Node];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.tagName && BLOCKS.has(node.tagName)) visitBlock(node);
    const children = node.childNodes ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return contexts;
}
