import { apiError, readJson } from "@/lib/api";
import { viewerForRequest } from "@/lib/auth";
import { decideComments } from "@/lib/comments";
import { ApiDecisionSchema } from "@/lib/moderation";

export const dynamic = "force-dynamic";

/** POST /api/v1/moderation/decisions: { ids, decision, reason? }, all or nothing, as the caller. */
export async function POST(request: Request) {
  try {
    const viewer = await viewerForRequest(request, { mutation: true });
    const { ids, decision, reason } = ApiDecisionSchema.parse(await readJson(request));
    const result = await decideComments(viewer, {
      ids,
      decision: decision === "reject" ? "remove" : decision,
      reason,
    });
    return Response.json(result);
  } catch (error) {
    return apiError(error);
  }
}
