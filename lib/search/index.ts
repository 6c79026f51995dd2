/** searchPosts: ranked published articles for a query, with escaped, highlighted snippets. */
export { searchPosts, type SearchResults } from "./query";
/** searchComments: ranked approved comments on public articles for a query, with their article, author and snippet. */
export { searchComments, type CommentSearchResults } from "./comment-query";
/** indexPost / removeFromIndex / reindexPosts / reindexAll: keep the search index in step with posts (reindexAll: comments too). */
export { indexPost, removeFromIndex, reindexPosts, reindexAll } from "./indexer";
/** commentsChanged / reindexComments / indexMissingComments: keep the comment index in step with comments. */
export { commentsChanged, reindexComments, indexMissingComments } from "./comment-indexer";
/** SearchInputSchema: the search form's input (q, blogSlug, limit, offset); MAX_QUERY_LENGTH its cap; SearchPageSchema the page's URL. */
export { SearchInputSchema, SearchPageSchema, SEARCH_KINDS, MAX_QUERY_LENGTH, type SearchKind } from "./schemas";
/** stemTokens / parseQuery / foldText: how text becomes index tokens and queries become terms (pure). */
export { stemTokens, parseQuery, foldText } from "./text";
/** buildSnippet / escapeHtml: HTML-safe snippets with <mark> around matched words (pure). */
export { buildSnippet } from "./snippet";
