import { apiError, readJson } from "@/lib/api";
import { viewerForRequest } from "@/lib/auth";
import { PinSchema, pinComment } from "@/lib/moderation";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** PUT /api/v1/posts/{id}/pin { commentId }: pins an approved top-level comment (moderators). */
export async function PUT(request: Request, { params }: Context) {
  try {
    const { id } = await params;
    const viewer = await viewerForRequest(request, { mutation: true });
    const { commentId } = PinSchema.parse(await readJson(request));
    return Response.json(await pinComment(viewer, id, commentId));
  } catch (error) {
    return apiError(error);
  }
}

/** DELETE /api/v1/posts/{id}/pin: unpins. */
export async function DELETE(request: Request, { params }: Context) {
  try {
    const { id } = await params;
    const viewer = await viewerForRequest(request, { mutation: true });
    return Response.json(await pinComment(viewer, id, null));
  } catch (error) {
    return apiError(error);
  }
}
