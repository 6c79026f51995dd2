import { countSitemaps, sitemapUrlset } from "@/lib/feeds";

export const dynamic = "force-dynamic";

/** GET /sitemap/<n>.xml: one file of a large instance's sitemap index. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const match = /^(\d{1,6})\.xml$/.exec((await params).file);
  const index = match ? Number(match[1]) : -1;
  if (index < 0 || index >= (await countSitemaps())) return new Response("Not found", { status: 404 });
  return new Response(await sitemapUrlset(index), {
    headers: { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=3600" },
  });
}
