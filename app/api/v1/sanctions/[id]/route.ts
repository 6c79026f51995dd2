import { apiError, readJson } from "@/lib/api";
import { viewerForRequest } from "@/lib/auth";
import { ApiLiftBodySchema, liftSanction } from "@/lib/moderation";

export const dynamic = "force-dynamic";

/** DELETE /api/v1/sanctions/{id}: lifts a suspension or ban in force, with a reason ({ reason }). */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const viewer = await viewerForRequest(request, { mutation: true });
    const { reason } = ApiLiftBodySchema.parse(await readJson(request));
    const lifted = await liftSanction(viewer, { sanctionId: id, reason });
    return Response.json({ id: lifted.id, liftedAt: lifted.liftedAt.toISOString() });
  } catch (error) {
    return apiError(error);
  }
}
