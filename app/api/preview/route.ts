import { z } from "zod";
import { viewerForRequest } from "@/lib/auth";
import { apiError, readJson } from "@/lib/api";
import { AppError } from "@/lib/errors";
import { PostBodySchema, previewPost } from "@/lib/posts";

export const dynamic = "force-dynamic";

const PreviewSchema = z.object({ postId: z.string().min(1).max(64), bodySource: PostBodySchema });

/**
 * POST /api/preview: the editor's live preview. Session (CSRF-checked) or token, API rate
 * limit; the HTML comes from the same pipeline and blog options as the saved article.
 */
export async function POST(request: Request) {
  try {
    const viewer = await viewerForRequest(request, { mutation: true });
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
    const { postId, bodySource } = PreviewSchema.parse(await readJson(request));
    return Response.json({ html: await previewPost(viewer, postId, bodySource) });
  } catch (error) {
    return apiError(error);
  }
}
