import { apiError, readJson } from "@/lib/api";
import { viewerForRequest } from "@/lib/auth";
import { setSlowMode, SlowModeSchema } from "@/lib/moderation";

export const dynamic = "force-dynamic";

/** PUT /api/v1/posts/{id}/slow-mode { seconds | null }: one comment per person every N seconds (moderators). */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const viewer = await viewerForRequest(request, { mutation: true });
    return Response.json(await setSlowMode(viewer, id, SlowModeSchema.parse(await readJson(request))));
  } catch (error) {
    return apiError(error);
  }
}
