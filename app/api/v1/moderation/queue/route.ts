import { apiError } from "@/lib/api";
import { viewerForRequest } from "@/lib/auth";
import { getBlogBySlug } from "@/lib/blogs";
import { AppError } from "@/lib/errors";
import { QueueQuerySchema, listQueue, toApiQueue } from "@/lib/moderation";

export const dynamic = "force-dynamic";

/** GET /api/v1/moderation/queue: a blog's queue (?blog=slug) or every blog's (instance admins). */
export async function GET(request: Request) {
  try {
    const viewer = await viewerForRequest(request, { mutation: false });
    const search = new URL(request.url).searchParams;
    const query = QueueQuerySchema.parse(Object.fromEntries(search));
    let scope: { blogId: string } | "instance" = "instance";
    if (query.blog) {
      if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
      const blog = await getBlogBySlug(query.blog);
      if (!blog) throw new AppError("NOT_FOUND", "errors.notFound");
      scope = { blogId: blog.id };
    }
    const page = await listQueue(viewer, { ...query, blog: undefined, scope });
    return Response.json(toApiQueue(page), { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return apiError(error);
  }
}
