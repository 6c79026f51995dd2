/** articleMetadata / blogMetadata / homeMetadata: Next Metadata with canonical URL, feeds, Open Graph and Twitter card. */
export { articleMetadata, blogMetadata, homeMetadata } from "./metadata";
/** blogPostingJsonLd / serializeJsonLd: schema.org BlogPosting data, and its script-safe serialization. */
export { blogPostingJsonLd, serializeJsonLd } from "./json-ld";
/** SeoPost / SeoBlog / localeOf: the inputs of the SEO helpers and the blog language's locale forms. */
export { type SeoPost } from "./types";
