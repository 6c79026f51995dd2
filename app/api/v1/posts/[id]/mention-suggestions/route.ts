import { apiError } from "@/lib/api";
import { mentionSuggestions } from "@/lib/mentions";
import { apiViewer } from "@/lib/openapi";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/posts/{id}/mention-suggestions?q=: the @ autocomplete (thread's people first, at
 * most 8). Signed-in callers only (401), under a public article (404 otherwise).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const viewer = await apiViewer(request, { mutation: false });
    const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 60);
    const suggestions = await mentionSuggestions(viewer, id, q);
    return Response.json({ suggestions }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return apiError(error);
  }
}
