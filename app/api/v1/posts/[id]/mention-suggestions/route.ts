import { apiError } from "@/lib/api";
import { viewerForRequest } from "@/lib/auth";
import { mentionSuggestions } from "@/lib/mentions";

export const dynamic = "force-dynamic";

/** GET /api/v1/posts/{id}/mention-suggestions?q=: the @ autocomplete (thread's people first, at most 8). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const viewer = await viewerForRequest(request, { mutation: false });
    const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 60);
    const suggestions = await mentionSuggestions(id, q, viewer);
    return Response.json({ suggestions }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return apiError(error);
  }
}
