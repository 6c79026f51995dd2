import assert from "node:assert/strict";
import { test } from "node:test";
import {
  articleMetadata,
  blogMetadata,
  blogPostingJsonLd,
  homeMetadata,
  serializeJsonLd,
  type SeoPost,
} from "@/lib/seo";

// NEXTAUTH_URL as the test runners set it; appUrl reads it at call time.
process.env.NEXTAUTH_URL = "http://localhost:3999";
const BASE = "http://localhost:3999";

const blog = { slug: "carnet", name: "Le carnet", language: "fr", tagline: "Des notes" };
const post: SeoPost = {
  slug: "fermer-les-commentaires",
  title: "Fin </script><script>alert(1)</script> & <!-- fin",
  excerpt: "Faut-il fermer les commentaires ?",
  publishedAt: new Date("2025-03-01T12:00:00Z"),
  updatedAt: new Date("2025-03-02T08:30:00Z"),
  coverImageUrl: "/uploads/cover.png",
  author: { handle: "josee", name: "Josée Lavoie" },
  tags: [
    { slug: "debat", name: "Débat" },
    { slug: "moderation", name: "Modération" },
  ],
  commentCount: 33,
};

test("seo: JSON-LD cannot close its script element, and reads back unchanged", () => {
  const json = serializeJsonLd(blogPostingJsonLd(post, blog));
  assert.ok(!json.includes("</script"), json);
  assert.ok(!/[<>&\u2028\u2029]/.test(json));
  assert.ok(json.includes("\\u003c/script\\u003e"));
  assert.equal(JSON.parse(json).headline, post.title);
  assert.equal(serializeJsonLd({ s: "a\u2028b" }), '{"s":"a\\u2028b"}');
});

test("seo: BlogPosting carries dates, author, publisher, keywords, language and comments", () => {
  const data = blogPostingJsonLd(post, blog);
  assert.equal(data["@type"], "BlogPosting");
  assert.equal(data.url, `${BASE}/carnet/fermer-les-commentaires`);
  assert.deepEqual(data.mainEntityOfPage, { "@type": "WebPage", "@id": `${BASE}/carnet/fermer-les-commentaires` });
  assert.equal(data.datePublished, "2025-03-01T12:00:00.000Z");
  assert.equal(data.dateModified, "2025-03-02T08:30:00.000Z");
  assert.deepEqual(data.author, { "@type": "Person", name: "Josée Lavoie", url: `${BASE}/u/josee` });
  assert.deepEqual(data.publisher, { "@type": "Organization", name: "Le carnet", url: `${BASE}/carnet` });
  assert.equal(data.keywords, "Débat, Modération");
  assert.equal(data.inLanguage, "fr-CA");
  assert.equal(data.image, `${BASE}/uploads/cover.png`);
  assert.equal(data.commentCount, 33);
  assert.deepEqual(data.interactionStatistic, {
    "@type": "InteractionCounter",
    interactionType: "https://schema.org/CommentAction",
    userInteractionCount: 33,
  });
  const bare = JSON.parse(
    serializeJsonLd(blogPostingJsonLd({ ...post, coverImageUrl: null, commentCount: undefined }, blog)),
  );
  assert.equal("image" in bare || "commentCount" in bare || "interactionStatistic" in bare, false);
});

test("seo: article metadata has the canonical permalink, an Open Graph article and the feeds", () => {
  const meta = articleMetadata(post, blog);
  assert.equal(meta.title, post.title);
  assert.equal(meta.description, post.excerpt);
  assert.equal(meta.alternates?.canonical, `${BASE}/carnet/fermer-les-commentaires`);
  const og = meta.openGraph as Record<string, unknown>;
  assert.equal(og.type, "article");
  assert.equal(og.locale, "fr_CA");
  assert.equal(og.siteName, "Le carnet");
  assert.equal(og.publishedTime, "2025-03-01T12:00:00.000Z");
  assert.equal(og.modifiedTime, "2025-03-02T08:30:00.000Z");
  assert.deepEqual(og.authors, [`${BASE}/u/josee`]);
  assert.deepEqual(og.tags, ["Débat", "Modération"]);
  assert.deepEqual(og.images, [{ url: `${BASE}/uploads/cover.png`, alt: post.title }]);
  assert.equal((meta.twitter as Record<string, unknown>).card, "summary");
  const rss = meta.alternates?.types?.["application/rss+xml"] as { url: string }[];
  assert.deepEqual(
    rss.map((link) => link.url),
    [`${BASE}/carnet/fermer-les-commentaires/comments.xml`, `${BASE}/carnet/feed.xml`],
  );
});

test("seo: Open Graph locale follows the blog's language; no image without a cover", () => {
  const english = articleMetadata({ ...post, coverImageUrl: null }, { ...blog, language: "en" });
  assert.equal((english.openGraph as Record<string, unknown>).locale, "en_CA");
  assert.equal((english.openGraph as Record<string, unknown>).images, undefined);
  assert.equal((blogMetadata(blog).openGraph as Record<string, unknown>).locale, "fr_CA");
});

test("seo: blog and home metadata are canonical websites advertising their feeds", () => {
  const meta = blogMetadata(blog);
  assert.equal(meta.alternates?.canonical, `${BASE}/carnet`);
  assert.equal((meta.openGraph as Record<string, unknown>).type, "website");
  assert.equal(meta.description, "Des notes");
  const home = homeMetadata({ name: "Tribune", description: "Des blogues", language: "en" });
  assert.equal(home.alternates?.canonical, `${BASE}/`);
  assert.deepEqual(
    (home.alternates?.types?.["application/atom+xml"] as { url: string }[]).map((link) => link.url),
    [`${BASE}/atom.xml`],
  );
});
