import { feedResponse, tagFeed, TagFeedParamsSchema } from "@/lib/feeds";

export const dynamic = "force-dynamic";

/** GET /tags/<tag>/feed.xml: the 20 newest articles with that tag, across blogs, as RSS 2.0. */
export async function GET(_request: Request, { params }: { params: Promise<{ tag: string }> }) {
  const input = TagFeedParamsSchema.safeParse(await params);
  return feedResponse(input.success ? await tagFeed(input.data.tag, "rss") : null);
}
