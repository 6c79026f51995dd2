// Word and phrase lists (a blog's hold and reject words), matched without regard to case or
// accents, on word boundaries, in time linear in the text: no list entry ever becomes a regular
// expression. Text and entries are cut into the same tokens (runs of letters and digits after
// folding), the entries go into a trie of tokens, and the text's tokens are walked once from
// each position, never deeper than the longest entry.

/** The bounds of one list (checked by the settings schema; the matcher enforces them too). */
export const WORD_LIST_MAX_ENTRIES = 500;
export const WORD_LIST_MAX_CHARS = 100;

const LIGATURES: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss", ø: "o", đ: "d", ł: "l", ı: "i" };

/**
 * foldText: lower case without accents: compatibility decomposition (NFKD, which includes NFD
 * and also folds full-width letters and "ﬁ"), combining marks removed, a few letters that do
 * not decompose spelled out (œ → oe, ß → ss).
 */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[œæßøđłı]/g, (letter) => LIGATURES[letter] ?? letter);
}

/** tokenize: the folded words of a text (maximal runs of letters and digits), in order. */
export function tokenize(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** parseWordList: a stored list (one word or phrase per line) as its distinct non-empty entries, trimmed. */
export function parseWordList(text: string): string[] {
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const entry = line.trim().replace(/\s+/g, " ");
    const key = foldText(entry);
    if (!entry || seen.has(key)) continue;
    seen.add(key);
    entries.push(entry);
  }
  return entries;
}

type TrieNode = { next: Map<string, TrieNode>; entry?: string };

/** WordMatcher: the compiled list; `find(text)` answers the first entry the text contains, or null. */
export type WordMatcher = { readonly size: number; find(text: string): string | null };

/**
 * compileWordList: a matcher for a stored list. Entries past WORD_LIST_MAX_ENTRIES or longer
 * than WORD_LIST_MAX_CHARS are ignored (the settings form refuses them), as are entries with
 * no letter or digit.
 */
export function compileWordList(list: string): WordMatcher {
  const root: TrieNode = { next: new Map() };
  let size = 0;
  let depth = 0;
  for (const entry of parseWordList(list).slice(0, WORD_LIST_MAX_ENTRIES)) {
    if (entry.length > WORD_LIST_MAX_CHARS) continue;
    const tokens = tokenize(entry);
    if (tokens.length === 0) continue;
    let node = root;
    for (const token of tokens) {
      let child = node.next.get(token);
      if (!child) node.next.set(token, (child = { next: new Map() }));
      node = child;
    }
    node.entry ??= entry;
    size += 1;
    depth = Math.max(depth, tokens.length);
  }
  return {
    size,
    find(text) {
      if (size === 0) return null;
      const tokens = tokenize(text);
      for (let start = 0; start < tokens.length; start++) {
        let node: TrieNode | undefined = root;
        for (let i = start; i < tokens.length && i - start < depth; i++) {
          node = node.next.get(tokens[i]!);
          if (!node) break;
          if (node.entry) return node.entry;
        }
      }
      return null;
    },
  };
}
