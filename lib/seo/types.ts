/** The blog fields the SEO helpers read (BlogSummary satisfies it). */
export type SeoBlog = {
  slug: string;
  name: string;
  language: string;
  tagline?: string | null;
  /** The description's text without markup (never its markdown). */
  descriptionText?: string | null;
};

/** The article fields the SEO helpers read; the optional ones are left out of the output when absent. */
export type SeoPost = {
  slug: string;
  title: string;
  excerpt: string | null;
  publishedAt: Date | null;
  updatedAt?: Date | null;
  coverImageUrl?: string | null;
  author: { handle: string; name: string };
  tags: { slug: string; name: string }[];
  /** Approved comments. */
  commentCount?: number;
};

const LOCALES: Record<string, { og: string; bcp47: string }> = {
  fr: { og: "fr_CA", bcp47: "fr-CA" },
  en: { og: "en_CA", bcp47: "en-CA" },
};

/** localeOf: Open Graph (fr_CA) and BCP 47 (fr-CA) forms of a blog language; English when unknown. */
export function localeOf(language: string): { og: string; bcp47: string } {
  return LOCALES[language] ?? LOCALES.en!;
}
