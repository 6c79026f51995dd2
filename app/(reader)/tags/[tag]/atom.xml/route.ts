import { feedResponse, tagFeed, TagFeedParamsSchema } from "@/lib/feeds";

export const dynamic = "force-dynamic";

/** GET /tags/<tag>/atom.xml: the 20 newest articles with that tag, across blogs, as Atom. */
export async function GET(_request: Request, { params }: { params: Promise<{ tag: string }> }) {
  const input = TagFeedParamsSchema.safeParse(await params);
  return feedResponse(input.success ? await tagFeed(input.data.tag, "atom") : null);
}
