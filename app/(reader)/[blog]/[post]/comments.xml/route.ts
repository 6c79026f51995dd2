import { commentsFeed, CommentsFeedParamsSchema, feedResponse } from "@/lib/feeds";

export const dynamic = "force-dynamic";

/** GET /<blog>/<post>/comments.xml: the article's 20 newest approved comments as RSS 2.0. */
export async function GET(_request: Request, { params }: { params: Promise<{ blog: string; post: string }> }) {
  const input = CommentsFeedParamsSchema.safeParse(await params);
  return feedResponse(input.success ? await commentsFeed(input.data.blog, input.data.post, "rss") : null);
}
