/** syncPostLinks: rewrites a post's Link rows (in the caller's transaction), resolving internal targets. */
export { syncPostLinks } from "./backlinks";
/** noticeCitation / noticePostCitations: the cited author hears of it, once per citing page. */
export { noticePostCitations } from "./citation-notices";
/** legacyUrlKey / legacyPathKey / legacyUrlVariants / legacyTargets: old permalinks of imported posts, as links and as paths. */
export { legacyUrlKey, legacyPathKey, legacyUrlVariants, legacyTargets } from "./legacy";
/** internalPostPath: the { blog, post } slugs of a link to an article of this instance, or null. */
export { internalPostPath } from "./internal";
