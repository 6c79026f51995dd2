import { z } from "zod";
import { apiError, readJson } from "@/lib/api";
import { viewerForRequest } from "@/lib/auth";
import { DECISIONS, decideComments, getComment, toApiComment } from "@/lib/comments";

export const dynamic = "force-dynamic";

const DecisionBody = z.object({ decision: z.enum(DECISIONS), reason: z.string().trim().max(500).optional() });

/** POST /api/v1/comments/{id}/moderation { decision, reason? }: approve, remove, spam or restore (moderators). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const viewer = await viewerForRequest(request, { mutation: true });
    const { decision, reason } = DecisionBody.parse(await readJson(request));
    await decideComments(viewer, { ids: [id], decision, reason });
    return Response.json(toApiComment(await getComment(id, viewer)));
  } catch (error) {
    return apiError(error);
  }
}
