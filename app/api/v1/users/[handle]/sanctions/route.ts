import { apiError } from "@/lib/api";
import { viewerForRequest } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { apiSanction, listVisibleSanctions } from "@/lib/moderation";

export const dynamic = "force-dynamic";

/** GET /api/v1/users/{handle}/sanctions: a person's sanctions on the blogs the caller moderates, and instance-wide (staff only). */
export async function GET(request: Request, { params }: { params: Promise<{ handle: string }> }) {
  try {
    const { handle } = await params;
    const viewer = await viewerForRequest(request, { mutation: false });
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
    const { user, sanctions } = await listVisibleSanctions(viewer, handle.slice(0, 40));
    return Response.json({ user: { handle: user.handle, name: user.name }, sanctions: sanctions.map(apiSanction) });
  } catch (error) {
    return apiError(error);
  }
}
