import { apiError } from "@/lib/api";
import { assertPublicThread } from "@/lib/comments";
import { openLiveStream } from "@/lib/live";

export const dynamic = "force-dynamic";

/**
 * GET /api/live/posts/{id}: Server-Sent Events for one public article (comment.created,
 * comment.edited, comment.removed with ids only; the page refetches each comment through the
 * API, where permissions apply). Heartbeat every 25 s; the subscription ends with the request
 * or after LIVE_STREAM_IDLE_SECONDS without an event (the browser reconnects). Open streams are
 * capped per client address and in total: 429 or 503 with Retry-After beyond.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    await assertPublicThread(id);
    return openLiveStream(id, request);
  } catch (error) {
    return apiError(error);
  }
}
