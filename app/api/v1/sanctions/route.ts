import { apiError, readJson } from "@/lib/api";
import { viewerForRequest } from "@/lib/auth";
import { sanctionFromApi } from "@/lib/moderation";

export const dynamic = "force-dynamic";

/** POST /api/v1/sanctions: warn, suspend or ban a person on a blog (or the instance, admins), as the caller. */
export async function POST(request: Request) {
  try {
    const viewer = await viewerForRequest(request, { mutation: true });
    const created = await sanctionFromApi(viewer, await readJson(request));
    return Response.json(
      { id: created.id, kind: created.kind, endsAt: created.endsAt?.toISOString() ?? null },
      { status: 201 },
    );
  } catch (error) {
    return apiError(error);
  }
}
