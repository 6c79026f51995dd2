import { feedResponse, instanceFeed } from "@/lib/feeds";

export const dynamic = "force-dynamic";

/** GET /feed.xml: the instance's 20 newest articles as RSS 2.0. */
export async function GET() {
  return feedResponse(await instanceFeed("rss"));
}
