import type { Metadata } from "next";
import { urls, type FeedFormat } from "./urls";

type AlternateTypes = NonNullable<NonNullable<Metadata["alternates"]>["types"]>;
type Link = { url: string; title: string };

/** What a page is about; the most specific feeds come first. */
export type FeedScope = { blogSlug?: string; postSlug?: string; tagSlug?: string };

/** Titles readers see when they pick a feed (e.g. the blog's name); defaults are the format names. */
export type FeedTitles = { site?: string; blog?: string; tag?: string; comments?: string };

const FORMAT_NAMES: Record<FeedFormat, string> = { rss: "RSS", atom: "Atom" };

function linksFor(scope: FeedScope, titles: FeedTitles, format: FeedFormat): Link[] {
  const titled = (title: string | undefined) => (title ? `${title} (${FORMAT_NAMES[format]})` : FORMAT_NAMES[format]);
  const links: Link[] = [];
  if (scope.blogSlug && scope.postSlug)
    links.push({ url: urls.commentsFeed(scope.blogSlug, scope.postSlug, format), title: titled(titles.comments) });
  if (scope.tagSlug) links.push({ url: urls.tagFeed(scope.tagSlug, format), title: titled(titles.tag) });
  if (scope.blogSlug) links.push({ url: urls.blogFeed(scope.blogSlug, format), title: titled(titles.blog) });
  if (!scope.blogSlug && !scope.tagSlug) links.push({ url: urls.instanceFeed(format), title: titled(titles.site) });
  return links;
}

/**
 * feedAlternates: `alternates.types` for a page's metadata, so it advertises its feeds as
 * <link rel="alternate" type="application/rss+xml|application/atom+xml">: the instance's on
 * the home page, the blog's on a blog page, the blog's and the article's comments on an article,
 * the tag's on a tag page.
 */
export function feedAlternates(scope: FeedScope = {}, titles: FeedTitles = {}): AlternateTypes {
  return {
    "application/rss+xml": linksFor(scope, titles, "rss"),
    "application/atom+xml": linksFor(scope, titles, "atom"),
  };
}
