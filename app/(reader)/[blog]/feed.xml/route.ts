import { blogFeed, BlogFeedParamsSchema, feedResponse } from "@/lib/feeds";

export const dynamic = "force-dynamic";

/** GET /<blog>/feed.xml: the blog's 20 newest articles as RSS 2.0. */
export async function GET(_request: Request, { params }: { params: Promise<{ blog: string }> }) {
  const input = BlogFeedParamsSchema.safeParse(await params);
  return feedResponse(input.success ? await blogFeed(input.data.blog, "rss") : null);
}
