import "server-only";
import { escapeXml } from "./xml";
import { countSitemaps, listSitemapEntries } from "./sitemap";
import { urls } from "./urls";

const XML = '<?xml version="1.0" encoding="UTF-8"?>\n';
const lastmod = (value: string | Date | undefined) =>
  value ? `<lastmod>${new Date(value).toISOString()}</lastmod>` : "";

/** sitemapUrlset: one sitemap file (the protocol caps a file at 50,000 URLs; ours hold 45,000). */
export async function sitemapUrlset(index: number): Promise<string> {
  const entries = await listSitemapEntries(index);
  const items = entries.map((entry) => `<url><loc>${escapeXml(entry.url)}</loc>${lastmod(entry.lastModified)}</url>`);
  return `${XML}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${items.join("")}</urlset>\n`;
}

/**
 * sitemapDocument: /sitemap.xml itself. A small instance gets its URLs right there; past one
 * file it becomes a sitemap index pointing at /sitemap/<n>.xml.
 */
export async function sitemapDocument(): Promise<string> {
  const count = await countSitemaps();
  if (count <= 1) return sitemapUrlset(0);
  const files = Array.from(
    { length: count },
    (_, n) => `<sitemap><loc>${escapeXml(urls.sitemapFile(n))}</loc></sitemap>`,
  );
  return `${XML}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${files.join("")}</sitemapindex>\n`;
}
