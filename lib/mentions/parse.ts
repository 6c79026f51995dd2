import type { Parent, Root, Text } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { AppError } from "@/lib/errors";
import { MAX_MENTION_CANDIDATES, type MentionCandidate } from "./match";
import { mentionStarts, phrasesAt } from "./scan";

const parser = unified().use(remarkParse).use(remarkGfm);

/**
 * forEachMentionableText: calls `fn` on every text node outside links, with its parent and
 * index. Code is never reached: its content is a `value`, not text nodes. Children are
 * visited from the last so `fn` may replace the node it is given by several.
 */
export function forEachMentionableText(node: Parent, fn: (text: Text, parent: Parent, index: number) => void): void {
  if (node.type === "link" || node.type === "linkReference") return;
  for (let index = node.children.length - 1; index >= 0; index--) {
    const child = node.children[index]!;
    if (child.type === "text") fn(child, node, index);
    else if ("children" in child) forEachMentionableText(child, fn);
  }
}

/**
 * mentionCandidatesIn: every "@…" of a parsed markdown tree's text (never in code or links), each
 * with its possible readings longest first, de-duplicated. More than MAX_MENTION_CANDIDATES
 * distinct ones is a flood: INVALID_INPUT validation.tooManyMentions.
 */
export function mentionCandidatesIn(tree: Root): MentionCandidate[] {
  const found = new Map<string, MentionCandidate>();
  forEachMentionableText(tree, (node) => {
    for (const at of mentionStarts(node.value)) {
      const phrases = phrasesAt(node.value, at).map((phrase) => phrase.key);
      found.set(phrases.join("\n"), { phrases: [...new Set(phrases)] });
    }
  });
  if (found.size > MAX_MENTION_CANDIDATES) throw new AppError("INVALID_INPUT", "validation.tooManyMentions");
  return [...found.values()];
}

/** parseMentionCandidates: mentionCandidatesIn of the markdown's syntax tree (in-process; comments are rendered in the worker, which parses once). */
export function parseMentionCandidates(markdown: string): MentionCandidate[] {
  return mentionCandidatesIn(parser.parse(markdown) as Root);
}
