/** searchPosts: ranked published articles for a query, with escaped, highlighted snippets. */
export { searchPosts, SEARCH_TOTAL_CAP, type SearchResult, type SearchResults } from "./query";
/** indexPost / removeFromIndex / reindexPosts / reindexAll: keep the search index in step with posts. */
export { indexPost, removeFromIndex, reindexPosts, reindexAll } from "./indexer";
/** SearchInputSchema: the search form's input (q, blogSlug, limit, offset); MAX_QUERY_LENGTH its cap. */
export { SearchInputSchema, MAX_QUERY_LENGTH, type SearchInput } from "./schemas";
/** stemTokens / parseQuery / foldText: how text becomes index tokens and queries become terms (pure). */
export { stemTokens, parseQuery, foldText, type QueryTerm, type SearchLanguage } from "./text";
/** buildSnippet / escapeHtml: HTML-safe snippets with <mark> around matched words (pure). */
export { buildSnippet, escapeHtml } from "./snippet";
/** toPlainText: markdown → plain prose (no markup, no raw HTML). */
export { toPlainText } from "./plain-text";
