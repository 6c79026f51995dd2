import { translatorFor, type Locale } from "@/lib/i18n";

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * goneHtml: the self-contained page proxy.ts answers for an article its author removed (410):
 * the words of components/posts/gone-notice.tsx (the catalogues' "gone" messages), with its
 * own small style, since it is answered before the app renders anything.
 */
export function goneHtml(locale: Locale, blogInfo: { slug: string; name: string }): string {
  const t = translatorFor(locale, "gone");
  const [title, body, search] = ["title", "body", "search"].map((key) => escapeHtml(t(key)));
  const toBlog = escapeHtml(t("toBlog", { blog: blogInfo.name }));
  const blog = escapeHtml(blogInfo.slug);
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>410 · ${title}</title><style>body{font:1.1rem/1.6 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1c1a17;background:#fbfaf7}a{color:#a13c1f}@media (prefers-color-scheme:dark){body{color:#ece8e1;background:#151418}a{color:#f0916c}}</style></head><body><p style="font-size:3rem;font-weight:800;margin:0">410</p><h1>${title}</h1><p>${body}</p><p><a href="/${blog}">${toBlog}</a> · <a href="/search">${search}</a></p></body></html>`;
}
