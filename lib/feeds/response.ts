import type { FeedResult } from "./service";

/** feedResponse: the feed with its content type and a 5-minute public cache, or a 404. */
export function feedResponse(feed: FeedResult | null): Response {
  if (!feed)
    return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(feed.xml, {
    headers: { "content-type": feed.contentType, "cache-control": "public, max-age=300" },
  });
}
