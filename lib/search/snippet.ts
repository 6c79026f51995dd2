// Snippets are computed here rather than by the database, so SQLite and PostgreSQL show the same
// ones: the ~30 words of the plain text around the best match, query words in <mark>, and
// everything else HTML-escaped (the plain text may contain "<script>" as words of an article).
import { foldText, matchesTerm, stemWord, type QueryTerm, type SearchLanguage } from "./text";

const WINDOW = 30;
const LEAD = 6; // words kept before the first match of the window
const MAX_CANDIDATES = 200;
const TAIL = 12; // characters of punctuation kept after the text's last word
const WORD = /[\p{L}\p{N}]+/gu;

type Word = { start: number; end: number; term: number };

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** escapeHtml: text safe to place in HTML content or a quoted attribute. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function wordsOf(text: string, language: SearchLanguage, terms: QueryTerm[]): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const token = stemWord(foldText(match[0]), language);
    const term = terms.findIndex((t) => matchesTerm(token, t));
    words.push({ start: match.index, end: match.index + match[0].length, term });
  }
  return words;
}

/** The first word of the window with the most distinct terms (then the most matches). */
function bestStart(words: Word[]): number {
  let best = 0;
  let bestScore = -1;
  const candidates = words.flatMap((w, i) => (w.term >= 0 ? [Math.max(0, i - LEAD)] : [])).slice(0, MAX_CANDIDATES);
  for (const start of candidates) {
    const window = words.slice(start, start + WINDOW).filter((w) => w.term >= 0);
    const score = new Set(window.map((w) => w.term)).size * 1000 + window.length;
    if (score > bestScore) [best, bestScore] = [start, score];
  }
  return best;
}

/** buildSnippet: escaped HTML of ~30 words of `text` around the best match, matches in <mark>. */
export function buildSnippet(text: string, language: SearchLanguage, terms: QueryTerm[]): string {
  const words = wordsOf(text, language, terms);
  if (!words.length) return "";
  const first = bestStart(words);
  const last = Math.min(words.length, first + WINDOW) - 1;
  let html = first > 0 ? "… " : "";
  let cursor = words[first]!.start;
  for (let i = first; i <= last; i++) {
    const word = words[i]!;
    html += escapeHtml(text.slice(cursor, word.start).replace(/\s+/g, " "));
    const raw = escapeHtml(text.slice(word.start, word.end));
    html += word.term >= 0 ? `<mark>${raw}</mark>` : raw;
    cursor = word.end;
  }
  if (last < words.length - 1) html += " …";
  // The end of the text: its closing punctuation too (a comment's «".» or "?"), a few characters.
  else
    html += escapeHtml(
      text
        .slice(cursor, cursor + TAIL)
        .replace(/\s+/g, " ")
        .trimEnd(),
    );
  return html;
}
