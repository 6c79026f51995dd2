/** searchPosts: ranked published articles for a query, with escaped, highlighted snippets. */
export { searchPosts, type SearchResults } from "./query";
/** indexPost / removeFromIndex / reindexPosts / reindexAll: keep the search index in step with posts. */
export { indexPost, removeFromIndex, reindexPosts, reindexAll } from "./indexer";
/** SearchInputSchema: the search form's input (q, blogSlug, limit, offset); MAX_QUERY_LENGTH its cap. */
export { SearchInputSchema, MAX_QUERY_LENGTH } from "./schemas";
/** stemTokens / parseQuery / foldText: how text becomes index tokens and queries become terms (pure). */
export { stemTokens, parseQuery, foldText } from "./text";
/** buildSnippet / escapeHtml: HTML-safe snippets with <mark> around matched words (pure). */
export { buildSnippet } from "./snippet";
