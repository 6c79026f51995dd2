import { apiError, readJson } from "@/lib/api";
import { viewerForRequest } from "@/lib/auth";
import { reportComment, ReportSchema } from "@/lib/moderation";

export const dynamic = "force-dynamic";

/** POST /api/v1/comments/{id}/report { reason, note? }: reports someone's comment, once. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const viewer = await viewerForRequest(request, { mutation: true });
    const input = ReportSchema.parse(await readJson(request));
    return Response.json(await reportComment(viewer, id, input), { status: 201 });
  } catch (error) {
    return apiError(error);
  }
}
