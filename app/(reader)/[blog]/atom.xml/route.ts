import { blogFeed, BlogFeedParamsSchema, feedResponse } from "@/lib/feeds";

export const dynamic = "force-dynamic";

/** GET /<blog>/atom.xml: the blog's 20 newest articles as Atom. */
export async function GET(_request: Request, { params }: { params: Promise<{ blog: string }> }) {
  const input = BlogFeedParamsSchema.safeParse(await params);
  return feedResponse(input.success ? await blogFeed(input.data.blog, "atom") : null);
}
