/** syncPostLinks: rewrites a post's Link rows (in the caller's transaction), resolving internal targets. */
export { syncPostLinks } from "./backlinks";
/** noticeCitation / noticePostCitations: the cited author hears of it, once per citing page. */
export { noticePostCitations } from "./citation-notices";
