import { apiError } from "@/lib/api";
import { getBlogBySlug } from "@/lib/blogs";
import { ApiBlogParamsSchema, toApiBlog } from "@/lib/blogs/openapi";
import { AppError } from "@/lib/errors";
import { apiViewer } from "@/lib/openapi";
import { countPublicPosts } from "@/lib/posts";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ blog: string }> };

/** GET /api/v1/blogs/{blog}: one blog by slug. */
export async function GET(request: Request, { params }: Context) {
  try {
    await apiViewer(request, { mutation: false });
    const blog = await getBlogBySlug(ApiBlogParamsSchema.parse(await params).blog);
    if (!blog) throw new AppError("NOT_FOUND", "errors.notFound");
    return Response.json(toApiBlog({ ...blog, postCount: await countPublicPosts(blog.id) }));
  } catch (error) {
    return apiError(error);
  }
}
