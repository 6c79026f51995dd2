import { apiError, readJson } from "@/lib/api";
import { getBlogBySlug } from "@/lib/blogs";
import { ApiBlogParamsSchema } from "@/lib/blogs/openapi";
import { AppError } from "@/lib/errors";
import { apiViewer } from "@/lib/openapi";
import {
  ApiCreatePostSchema,
  ApiPostListQuerySchema,
  ApiPostListSchema,
  ApiPostSchema,
  createPostFromApi,
  listPostsForApi,
} from "@/lib/posts";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ blog: string }> };

async function blogOf(params: Context["params"]) {
  const blog = await getBlogBySlug(ApiBlogParamsSchema.parse(await params).blog);
  if (!blog) throw new AppError("NOT_FOUND", "errors.notFound");
  return blog;
}

/** GET /api/v1/blogs/{blog}/posts?status=&page=: public posts, plus the caller's editable ones on request. */
export async function GET(request: Request, { params }: Context) {
  try {
    const viewer = await apiViewer(request, { mutation: false });
    const blog = await blogOf(params);
    const query = ApiPostListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(ApiPostListSchema.parse(await listPostsForApi(viewer, blog.id, query)));
  } catch (error) {
    return apiError(error);
  }
}

/** POST /api/v1/blogs/{blog}/posts: creates a post (owners and authors of the blog). */
export async function POST(request: Request, { params }: Context) {
  try {
    const viewer = await apiViewer(request, { mutation: true });
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
    const blog = await blogOf(params);
    const body = ApiCreatePostSchema.parse(await readJson(request));
    const post = await createPostFromApi(viewer, blog.id, body);
    return Response.json(ApiPostSchema.parse(post), {
      status: 201,
      headers: { location: `/api/v1/blogs/${blog.slug}/posts/${post.slug}` },
    });
  } catch (error) {
    return apiError(error);
  }
}
