// Words as the search index sees them, the same on both databases: folded (case, accents,
// ligatures), split on anything that is not a letter or digit, stop words dropped, and
// Snowball-stemmed. Folding comes BEFORE stemming, so "medias" and "médias" always stem alike.
import { newStemmer } from "snowball-stemmers";

/** SearchLanguage: the languages the index stems (a blog's language). */
export type SearchLanguage = "fr" | "en";

const LANGUAGES: readonly SearchLanguage[] = ["fr", "en"];
const WORD = /[\p{L}\p{N}]+/gu;
const MAX_WORD = 40;
/** Words of a query past this many are ignored (each term is one more index lookup). */
const MAX_TERMS = 8;

// Minimal lists, folded. A query drops the words of both lists (see parseQuery).
const STOP_WORDS: Record<SearchLanguage, ReadonlySet<string>> = {
  fr: new Set("a au aux c ce ces d de des du en et l la le les n ne qu que qui s se un une y".split(" ")),
  en: new Set("a an and are as at be by for in is it of or the to was with".split(" ")),
};

const stemmers = { fr: newStemmer("french"), en: newStemmer("english") };
const stemCache: Record<SearchLanguage, Map<string, string>> = { fr: new Map(), en: new Map() };

/** foldText: lower case without accents (é→e, œ→oe), as stored in the index. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss");
}

/** stemWord: the Snowball stem of one folded word (cached: the same words come back constantly). */
export function stemWord(folded: string, language: SearchLanguage): string {
  const cache = stemCache[language];
  let stem = cache.get(folded);
  if (stem === undefined) {
    stem = stemmers[language].stem(folded);
    if (cache.size > 100_000) cache.clear();
    cache.set(folded, stem);
  }
  return stem;
}

/** isStopWord: whether a folded word is left out of the index in that language. */
function isStopWord(folded: string, language: SearchLanguage): boolean {
  return STOP_WORDS[language].has(folded);
}

/** stemTokens: the index tokens of a text in a language (folded, stop words dropped, stemmed). */
export function stemTokens(text: string, language: SearchLanguage): string[] {
  const tokens: string[] = [];
  for (const [word] of foldText(text).matchAll(WORD)) {
    if (word.length > MAX_WORD || isStopWord(word, language)) continue;
    tokens.push(stemWord(word, language));
  }
  return tokens;
}

/** QueryTerm: one query word as the stems it may match (any of them); `prefix` for the word being typed. */
export type QueryTerm = { alternatives: string[]; prefix: boolean };

/**
 * parseQuery: the terms of a query, to be ANDed. Each word is stemmed in BOTH languages (a French
 * query also finds English articles); a stop word of either language is dropped, so no term can
 * require a word that some index left out. The last word, when at least 3 letters and not
 * followed by a space, also matches as a prefix. At most MAX_TERMS terms.
 */
export function parseQuery(q: string): QueryTerm[] {
  const words = [...foldText(q).matchAll(WORD)].map(([word]) => word.slice(0, MAX_WORD));
  const typing = !/\s$/.test(q);
  const terms: QueryTerm[] = [];
  words.forEach((word, index) => {
    if (LANGUAGES.some((language) => isStopWord(word, language))) return;
    const alternatives = [...new Set(LANGUAGES.map((language) => stemWord(word, language)))];
    const prefix = typing && index === words.length - 1 && word.length >= 3;
    const key = alternatives.join(" ");
    if (!terms.some((term) => term.alternatives.join(" ") === key)) terms.push({ alternatives, prefix });
  });
  return terms.slice(0, MAX_TERMS);
}

/** matchesTerm: whether an index token satisfies a query term. */
export function matchesTerm(token: string, term: QueryTerm): boolean {
  return term.alternatives.some((alt) => (term.prefix ? token.startsWith(alt) : token === alt));
}

/** searchLanguage: the stemming language of a blog language (English for anything unknown). */
export function searchLanguage(language: string): SearchLanguage {
  return language === "fr" ? "fr" : "en";
}
