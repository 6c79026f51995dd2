import { apiError } from "@/lib/api";
import { getViewer } from "@/lib/auth";
import { assertPublicThread } from "@/lib/comments";
import { openLiveStream } from "@/lib/live";
import { readCredentials } from "@/lib/security";

export const dynamic = "force-dynamic";

/**
 * GET /api/live/posts/{id}: Server-Sent Events for one public article (comment.created,
 * comment.edited, comment.removed with ids only; the page refetches each comment through the
 * API, where permissions apply). Heartbeat every 25 s; the subscription ends with the request
 * or after LIVE_STREAM_IDLE_SECONDS without an event (the browser reconnects). Open streams are
 * capped per client address and in total: 429 or 503 with Retry-After beyond. A signed-in
 * reader's own acts come marked with the tag the stream opens with (`event: viewer`), so the page
 * does not announce them; nobody else's acts say who did them.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    await assertPublicThread(id);
    // The session cookie only (an EventSource sends no other credentials); signed out: no tag.
    const viewer = readCredentials(request.headers).kind === "session" ? await getViewer() : null;
    return openLiveStream(id, request, { viewerId: viewer?.id });
  } catch (error) {
    return apiError(error);
  }
}
