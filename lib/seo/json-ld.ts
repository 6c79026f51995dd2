import { urls } from "@/lib/feeds";
import { absoluteImage } from "./metadata";
import { localeOf, type SeoBlog, type SeoPost } from "./types";

/** blogPostingJsonLd: the article as a schema.org BlogPosting (absolute URLs; absent fields omitted). */
export function blogPostingJsonLd(post: SeoPost, blog: SeoBlog): Record<string, unknown> {
  const url = urls.post(blog.slug, post.slug);
  const blogUrl = urls.blog(blog.slug);
  const counted = typeof post.commentCount === "number";
  return {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    "@id": url,
    url,
    headline: post.title,
    description: post.excerpt ?? undefined,
    datePublished: post.publishedAt?.toISOString(),
    dateModified: (post.updatedAt ?? post.publishedAt)?.toISOString(),
    author: { "@type": "Person", name: post.author.name, url: urls.profile(post.author.handle) },
    publisher: { "@type": "Organization", name: blog.name, url: blogUrl },
    isPartOf: { "@type": "Blog", "@id": blogUrl, name: blog.name, url: blogUrl },
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    keywords: post.tags.length ? post.tags.map((tag) => tag.name).join(", ") : undefined,
    inLanguage: localeOf(blog.language).bcp47,
    image: absoluteImage(post.coverImageUrl),
    commentCount: counted ? post.commentCount : undefined,
    interactionStatistic: counted
      ? {
          "@type": "InteractionCounter",
          interactionType: "https://schema.org/CommentAction",
          userInteractionCount: post.commentCount,
        }
      : undefined,
  };
}

/**
 * serializeJsonLd: JSON for an inline <script type="application/ld+json">. "<", ">" and "&" are
 * written as \u escapes so a title containing "</script>" or "<!--" cannot end the script
 * element; U+2028/U+2029 too, for older JavaScript parsers. JSON.parse reads it back unchanged.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
