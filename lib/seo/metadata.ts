import type { Metadata } from "next";
import { appUrl } from "@/lib/auth/app-url";
import { feedAlternates, feedLabels, feedLanguage, urls } from "@/lib/feeds";
import { localeOf, type SeoBlog, type SeoPost } from "./types";

/** absoluteImage: an absolute URL for a stored image URL (uploads are root-relative). */
export function absoluteImage(url: string | null | undefined): string | undefined {
  return url ? new URL(url, appUrl("/")).toString() : undefined;
}

/** articleMetadata: title, description, canonical URL, feeds, Open Graph article and Twitter card of an article. */
export function articleMetadata(post: SeoPost, blog: SeoBlog): Metadata {
  const url = urls.post(blog.slug, post.slug);
  const description = post.excerpt ?? undefined;
  const image = absoluteImage(post.coverImageUrl);
  const images = image ? [{ url: image, alt: post.title }] : undefined;
  const labels = feedLabels(feedLanguage(blog.language));
  return {
    title: post.title,
    description,
    authors: [{ name: post.author.name, url: urls.profile(post.author.handle) }],
    keywords: post.tags.length ? post.tags.map((tag) => tag.name) : undefined,
    alternates: {
      canonical: url,
      types: feedAlternates(
        { blogSlug: blog.slug, postSlug: post.slug },
        { blog: blog.name, comments: labels.comments(post.title) },
      ),
    },
    openGraph: {
      type: "article",
      url,
      title: post.title,
      description,
      siteName: blog.name,
      locale: localeOf(blog.language).og,
      publishedTime: post.publishedAt?.toISOString(),
      modifiedTime: (post.updatedAt ?? post.publishedAt)?.toISOString(),
      authors: [urls.profile(post.author.handle)],
      tags: post.tags.map((tag) => tag.name),
      images,
    },
    twitter: { card: "summary", title: post.title, description, images },
  };
}

/** blogMetadata: title, description, canonical URL, feeds and Open Graph website of a blog's home. */
export function blogMetadata(blog: SeoBlog): Metadata {
  const url = urls.blog(blog.slug);
  const description = blog.tagline ?? blog.descriptionText ?? undefined;
  return {
    title: blog.name,
    description,
    alternates: { canonical: url, types: feedAlternates({ blogSlug: blog.slug }, { blog: blog.name }) },
    openGraph: {
      type: "website",
      url,
      title: blog.name,
      description,
      siteName: blog.name,
      locale: localeOf(blog.language).og,
    },
    twitter: { card: "summary", title: blog.name, description },
  };
}

/** homeMetadata: canonical URL, the instance's feeds and Open Graph website of the home page. */
export function homeMetadata(site: { name: string; description: string; language: string }): Metadata {
  const url = urls.home();
  return {
    alternates: { canonical: url, types: feedAlternates({}, { site: site.name }) },
    openGraph: {
      type: "website",
      url,
      title: site.name,
      description: site.description,
      siteName: site.name,
      locale: localeOf(site.language).og,
    },
    twitter: { card: "summary", title: site.name, description: site.description },
  };
}
