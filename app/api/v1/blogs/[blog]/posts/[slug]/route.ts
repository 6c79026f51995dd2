import { apiError } from "@/lib/api";
import { getBlogBySlug } from "@/lib/blogs";
import { AppError } from "@/lib/errors";
import { apiViewer } from "@/lib/openapi";
import { ApiPostSchema, getPostForApi } from "@/lib/posts";
import { ApiPostParamsSchema } from "@/lib/posts/openapi";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ blog: string; slug: string }> };

/** GET /api/v1/blogs/{blog}/posts/{slug}: a public post, or one the caller may edit. */
export async function GET(request: Request, { params }: Context) {
  try {
    const viewer = await apiViewer(request, { mutation: false });
    const { blog: blogSlug, slug } = ApiPostParamsSchema.parse(await params);
    const blog = await getBlogBySlug(blogSlug);
    if (!blog) throw new AppError("NOT_FOUND", "errors.notFound");
    return Response.json(ApiPostSchema.parse(await getPostForApi(viewer, blog.id, slug)));
  } catch (error) {
    return apiError(error);
  }
}
