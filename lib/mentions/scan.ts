import { foldKey } from "@/lib/users/schemas";

// Zero-width characters, bidirectional embeddings/overrides/isolates, the soft hyphen and the BOM:
// invisible on screen, so they must not make "@Jo\u200bsée" a different person from "@Josée".
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;
const INVISIBLE_ONE = /^[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]$/u;

/** The longest display name (DisplayNameSchema) and the most words a mention may span. */
const MAX_MENTION_CHARS = 60;
const MAX_MENTION_WORDS = 5;

/** stripInvisible: the text without zero-width and bidi control characters. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

/** mentionKey: how a written name is compared with User.nameKey / handleKey (folded, one space between words). */
export function mentionKey(text: string): string {
  return foldKey(stripInvisible(text).normalize("NFC")).replace(/\s+/g, " ").trim();
}

/** One way to read the text after an "@": `end` is where the mention would stop in the scanned string. */
export type MentionPhrase = { key: string; end: number; words: number };

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const TRAILING_PUNCTUATION = /[\p{P}\p{S}]+$/u;

/**
 * phrasesAt: the candidate readings of the text after the "@" at `at`, LONGEST FIRST: one to
 * MAX_MENTION_WORDS words separated by horizontal spaces, each also without its trailing
 * punctuation ("@Josée," reads "Josée,", then "Josée"). Invisible characters are skipped; a
 * line break ends the mention. An "@" inside a word (an email address) starts nothing.
 */
export function phrasesAt(text: string, at: number): MentionPhrase[] {
  if (text[at] !== "@") return [];
  const before = previousVisible(text, at);
  if (before !== undefined && (WORD_CHAR.test(before) || before === "@")) return [];
  const ends: { end: number; words: number }[] = [];
  let index = at + 1;
  let words = 0;
  let visible = 0;
  while (words < MAX_MENTION_WORDS && index < text.length) {
    let wordEnd = index;
    while (wordEnd < text.length && !/\s/u.test(text[wordEnd]!) && text[wordEnd] !== "@") wordEnd++;
    if (wordEnd === index) break;
    visible += stripInvisible(text.slice(index, wordEnd)).length;
    if (visible > MAX_MENTION_CHARS + 2) break;
    words++;
    ends.push({ end: wordEnd, words });
    let next = wordEnd;
    while (next < text.length && /[ \t\u00a0]/u.test(text[next]!)) next++;
    if (next === wordEnd || next >= text.length) break;
    visible += 1;
    index = next;
  }
  const phrases: MentionPhrase[] = [];
  const seen = new Set<string>();
  for (const { end, words: count } of ends.reverse()) {
    const raw = text.slice(at + 1, end);
    const trimmed = stripInvisible(raw).replace(TRAILING_PUNCTUATION, "");
    for (const [value, stop] of [
      [raw, end],
      [trimmed, endWithoutTrailing(text, at + 1, end)],
    ] as const) {
      const key = mentionKey(value);
      if (!key || seen.has(`${key}|${stop}`)) continue;
      seen.add(`${key}|${stop}`);
      phrases.push({ key, end: stop, words: count });
    }
  }
  return phrases;
}

/** Where the raw slice [start, end) stops once its trailing punctuation (and invisible characters) are dropped. */
function endWithoutTrailing(text: string, start: number, end: number): number {
  let stop = end;
  while (stop > start) {
    const char = text[stop - 1]!;
    if (INVISIBLE_ONE.test(char) || /[\p{P}\p{S}\s]/u.test(char)) stop--;
    else break;
  }
  return stop;
}

function previousVisible(text: string, at: number): string | undefined {
  for (let index = at - 1; index >= 0; index--) if (!INVISIBLE_ONE.test(text[index]!)) return text[index];
  return undefined;
}

/** mentionStarts: the positions of every "@" that may begin a mention. */
export function mentionStarts(text: string): number[] {
  const starts: number[] = [];
  for (let index = text.indexOf("@"); index !== -1; index = text.indexOf("@", index + 1)) {
    if (phrasesAt(text, index).length) starts.push(index);
  }
  return starts;
}
