import { sitemapDocument } from "@/lib/feeds";

export const dynamic = "force-dynamic";

/** GET /sitemap.xml: the URLs themselves, or a sitemap index once they exceed one file. */
export async function GET() {
  return new Response(await sitemapDocument(), {
    headers: { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=3600" },
  });
}
