import { env } from "../env.js";
import type { RenderKind } from "./types";

// Bounds checked before anything is parsed, in one pass over the source (linear, no regex with
// backtracking): the parser's cost grows faster than the text on deep nesting (containers and
// brackets: seconds, then a stack overflow, for a few kilobytes), so such text is refused with a
// reason the writer can act on. What slips through is still bounded by the render worker's time
// limit (lib/markdown/pool.ts).

/** Why a source was refused: an i18n key under `validation.` and what to show with it. */
export type MarkdownRefusal = {
  reason: "markdownTooLong" | "markdownTooDeep" | "markdownTooManyBrackets" | "markdownTooManyTags";
  /** 1-based line where the limit was crossed (0 for the length). */
  line: number;
  limit: number;
};

export type MarkdownBounds = { maxChars: number; maxNesting: number; maxBracketDepth: number; maxTagDepth: number };

/** markdownBounds: the limits from MARKDOWN_MAX_CHARS and MARKDOWN_MAX_NESTING (comments and bios also have their own, smaller length limits in their schemas). */
function markdownBounds(): MarkdownBounds {
  const maxNesting = env.MARKDOWN_MAX_NESTING;
  return {
    maxChars: env.MARKDOWN_MAX_CHARS,
    maxNesting,
    maxBracketDepth: 2 * maxNesting,
    maxTagDepth: 4 * maxNesting,
  };
}

const SPACE = 0x20;
const TAB = 0x09;

/** isListMarker: a bullet (`-`, `+`, `*`) or an ordered marker (`1.`, `1)`) at `at`, followed by a space, a tab or the end of line. Returns its end or -1. */
function listMarkerEnd(line: string, at: number): number {
  const c = line.charCodeAt(at);
  let end = -1;
  if (c === 0x2d || c === 0x2b || c === 0x2a) end = at + 1;
  else {
    let i = at;
    while (i < line.length && i - at < 9 && line.charCodeAt(i) >= 0x30 && line.charCodeAt(i) <= 0x39) i++;
    if (i > at && (line[i] === "." || line[i] === ")")) end = i + 1;
  }
  if (end === -1) return -1;
  const next = line.charCodeAt(end);
  return end === line.length || next === SPACE || next === TAB ? end : -1;
}

/**
 * containerDepth: an upper bound of how many block containers (quotes, list items) a line opens
 * or continues: its `>` and list markers, plus its indentation over two columns (a nested list
 * item is indented by at least two). Over-counts an indented code block by two or so: harmless
 * beside a limit of dozens.
 */
function containerDepth(line: string): { depth: number; rest: number } {
  let depth = 0;
  let indent = 0;
  let i = 0;
  let sawMarker = false;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c === SPACE) {
      if (!sawMarker) indent++;
      i++;
    } else if (c === TAB) {
      if (!sawMarker) indent += 4;
      i++;
    } else if (c === 0x3e /* > */) {
      depth++;
      sawMarker = true;
      i++;
    } else {
      const end = listMarkerEnd(line, i);
      if (end === -1) break;
      depth++;
      sawMarker = true;
      i = end;
    }
  }
  // Indentation nests only under a marker: a line indented without one is code or a continuation.
  return { depth: depth > 0 ? depth + Math.floor(indent / 2) : 0, rest: i };
}

/** fenceOf: the fence (``` or ~~~, at least three) that opens or closes a code block at `at`, or "". */
function fenceOf(line: string, at: number): string {
  const c = line[at];
  if (c !== "`" && c !== "~") return "";
  let end = at;
  while (line[end] === c) end++;
  return end - at >= 3 ? line.slice(at, end) : "";
}

// Elements that never hold others (void) or whose end tag HTML lets the writer leave out: they
// do not count as nesting, so `<br>` or `<p>` without `</p>` cannot push an article over.
const UNCOUNTED_TAGS = new Set(
  "area base br col embed hr img input link meta source track wbr p li dt dd tr td th option".split(" "),
);

/** tagAt: whether `<` at `at` starts an element that nests ("open"), an end tag ("close"), or neither (text, autolinks, void elements). */
function tagAt(line: string, at: number): "open" | "close" | null {
  let i = at + 1;
  const closing = line[i] === "/";
  if (closing) i++;
  const nameStart = i;
  while (i < line.length && /[a-zA-Z0-9-]/.test(line[i]!) && i - nameStart < 20) i++;
  if (i === nameStart || !/[a-zA-Z]/.test(line[nameStart]!)) return null;
  const after = line[i];
  if (after !== undefined && after !== ">" && after !== "/" && after !== " " && after !== "\t") return null;
  if (UNCOUNTED_TAGS.has(line.slice(nameStart, i).toLowerCase())) return null;
  return closing ? "close" : "open";
}

/**
 * checkMarkdownBounds: null when the source is within bounds, else why not. One pass: per line,
 * the container depth (outside fenced code); over the text, the depth of unclosed `[` (reset at
 * a blank line, as a paragraph ends there) and of unclosed HTML tags (articles only: comments
 * keep no HTML).
 */
export function checkMarkdownBounds(
  source: string,
  kind: RenderKind,
  bounds: MarkdownBounds = markdownBounds(),
): MarkdownRefusal | null {
  if (source.length > bounds.maxChars) return { reason: "markdownTooLong", line: 0, limit: bounds.maxChars };
  let fence = "";
  let lineNumber = 0;
  let tagDepth = 0;
  let brackets = 0;
  for (let start = 0; start <= source.length;) {
    let end = source.indexOf("\n", start);
    if (end === -1) end = source.length;
    const line = source.slice(start, end);
    start = end + 1;
    lineNumber++;

    const { depth, rest } = containerDepth(line);
    if (fence) {
      if (fenceOf(line, rest).startsWith(fence)) fence = "";
      continue;
    }
    if (depth > bounds.maxNesting) return { reason: "markdownTooDeep", line: lineNumber, limit: bounds.maxNesting };
    fence = fenceOf(line, rest);
    if (fence) continue;

    if (rest === line.length) {
      brackets = 0; // a blank line ends the paragraph, and with it any open bracket
      continue;
    }
    for (let i = rest; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x5b /* [ */) {
        if (++brackets > bounds.maxBracketDepth)
          return { reason: "markdownTooManyBrackets", line: lineNumber, limit: bounds.maxBracketDepth };
      } else if (c === 0x5d /* ] */) brackets = Math.max(0, brackets - 1);
      else if (c === 0x3c /* < */ && kind === "article") {
        const tag = tagAt(line, i);
        if (tag === "open" && ++tagDepth > bounds.maxTagDepth)
          return { reason: "markdownTooManyTags", line: lineNumber, limit: bounds.maxTagDepth };
        if (tag === "close") tagDepth = Math.max(0, tagDepth - 1);
      }
    }
  }
  return null;
}
