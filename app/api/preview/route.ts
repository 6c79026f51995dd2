import { z } from "zod";
import { viewerForRequest } from "@/lib/auth";
import { apiError, readJson } from "@/lib/api";
import { AppError } from "@/lib/errors";
import { getBlogBySlug } from "@/lib/blogs";
import { PostBodySchema, previewNewPost, previewPost } from "@/lib/posts";

export const dynamic = "force-dynamic";

// A saved post by its id, or an article not saved yet by its blog's slug.
const PreviewSchema = z.union([
  z.object({ postId: z.string().min(1).max(64), bodySource: PostBodySchema }),
  z.object({ blog: z.string().min(1).max(60), bodySource: PostBodySchema }),
]);

/**
 * POST /api/preview: the editor's live preview. Session (CSRF-checked) or token, API rate
 * limit; the HTML comes from the same pipeline and blog options as the saved article.
 */
export async function POST(request: Request) {
  try {
    const viewer = await viewerForRequest(request, { mutation: true });
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
    const input = PreviewSchema.parse(await readJson(request));
    if ("postId" in input) return Response.json({ html: await previewPost(viewer, input.postId, input.bodySource) });
    const blog = await getBlogBySlug(input.blog);
    if (!blog) throw new AppError("NOT_FOUND", "errors.notFound");
    return Response.json({ html: await previewNewPost(viewer, blog.id, input.bodySource) });
  } catch (error) {
    return apiError(error);
  }
}
