/** instanceFeed / blogFeed / tagFeed / commentsFeed: RSS or Atom XML of the 20 newest items, null when the blog, tag or article does not exist. */
export { instanceFeed, blogFeed, tagFeed, commentsFeed, type FeedResult } from "./service";
/** feedResponse: a feed as an HTTP response (404 for null, 5-minute public cache). */
export { feedResponse } from "./response";
/** feedAlternates: `alternates.types` advertising a page's feeds in its metadata. */
export { feedAlternates } from "./discovery";
/** urls: absolute URLs of the public pages and feeds (from NEXTAUTH_URL). */
export { urls } from "./urls";
/** countSitemaps / listSitemapEntries: the public URLs cut into sitemap files of SITEMAP_CHUNK_SIZE. */
export { countSitemaps, listSitemapEntries } from "./sitemap";
/** sitemapDocument / sitemapUrlset: /sitemap.xml (urlset, or an index past 45,000 URLs) and its files. */
export { sitemapDocument, sitemapUrlset } from "./sitemap-xml";
/** BlogFeedParamsSchema / TagFeedParamsSchema / CommentsFeedParamsSchema: route params of the feed URLs. */
export { BlogFeedParamsSchema, TagFeedParamsSchema, CommentsFeedParamsSchema } from "./schemas";
/** feedLabels / feedLanguage: feed titles in the feed's language ("fr" | "en", default DEFAULT_LOCALE). */
export { feedLabels, feedLanguage } from "./labels";
