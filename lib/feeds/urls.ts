import { appUrl } from "@/lib/auth/app-url";
import { commentPath } from "@/lib/comments/permalink";

const segment = (value: string) => encodeURIComponent(value);

/** Absolute URLs of the public pages and feeds; the one place their shapes are spelled out. */
export const urls = {
  home: () => appUrl("/"),
  blog: (blog: string) => appUrl(`/${segment(blog)}`),
  post: (blog: string, post: string) => appUrl(`/${segment(blog)}/${segment(post)}`),
  /** A comment's stable identifier in feeds (RSS guid, Atom id): its place in the article, as first published. */
  commentId: (blog: string, post: string, commentId: string) =>
    `${appUrl(`/${segment(blog)}/${segment(post)}`)}#comment-${segment(commentId)}`,
  /** A comment's permalink, which leads to the page of the discussion holding it. */
  comment: (blog: string, post: string, commentId: string) => appUrl(commentPath(blog, post, commentId)),
  tags: () => appUrl("/tags/"),
  tag: (tag: string) => appUrl(`/tags/${segment(tag)}`),
  profile: (handle: string) => appUrl(`/u/${segment(handle)}`),
  sitemap: () => appUrl("/sitemap.xml"),
  sitemapFile: (index: number) => appUrl(`/sitemap/${index}.xml`),
  instanceFeed: (format: FeedFormat) => appUrl(format === "rss" ? "/feed.xml" : "/atom.xml"),
  blogFeed: (blog: string, format: FeedFormat) =>
    appUrl(`/${segment(blog)}/${format === "rss" ? "feed.xml" : "atom.xml"}`),
  tagFeed: (tag: string, format: FeedFormat) =>
    appUrl(`/tags/${segment(tag)}/${format === "rss" ? "feed.xml" : "atom.xml"}`),
  commentsFeed: (blog: string, post: string, format: FeedFormat) =>
    appUrl(`/${segment(blog)}/${segment(post)}/${format === "rss" ? "comments.xml" : "comments.atom"}`),
};

/** FeedFormat: RSS 2.0 or Atom 1.0. */
export type FeedFormat = "rss" | "atom";
