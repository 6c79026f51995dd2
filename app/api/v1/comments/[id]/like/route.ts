import { apiError } from "@/lib/api";
import { viewerForRequest } from "@/lib/auth";
import { toggleLike } from "@/lib/comments";

export const dynamic = "force-dynamic";

/** POST /api/v1/comments/{id}/like: likes, or takes the like back; answers { liked, likeCount }. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const viewer = await viewerForRequest(request, { mutation: true });
    return Response.json(await toggleLike(viewer, id));
  } catch (error) {
    return apiError(error);
  }
}
