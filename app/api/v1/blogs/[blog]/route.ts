import { apiError, readJson } from "@/lib/api";
import { getBlogBySlug, getBlogRules, updateBlogRules } from "@/lib/blogs";
import { ApiBlogParamsSchema, ApiUpdateBlogSchema, toApiBlog } from "@/lib/blogs/openapi";
import { AppError } from "@/lib/errors";
import { apiViewer } from "@/lib/openapi";
import { countPublicPosts } from "@/lib/posts";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ blog: string }> };

async function findBlog(params: Context["params"]) {
  const blog = await getBlogBySlug(ApiBlogParamsSchema.parse(await params).blog);
  if (!blog) throw new AppError("NOT_FOUND", "errors.notFound");
  return blog;
}

/** GET /api/v1/blogs/{blog}: one blog by slug; its discussion rules for its owners and admins. */
export async function GET(request: Request, { params }: Context) {
  try {
    const viewer = await apiViewer(request, { mutation: false });
    const blog = await findBlog(params);
    const [postCount, rules] = await Promise.all([countPublicPosts(blog.id), getBlogRules(viewer, blog.id)]);
    return Response.json(toApiBlog({ ...blog, postCount, rules }));
  } catch (error) {
    return apiError(error);
  }
}

/** PATCH /api/v1/blogs/{blog}: change some discussion rules (owners and admins; audited). */
export async function PATCH(request: Request, { params }: Context) {
  try {
    const viewer = await apiViewer(request, { mutation: true });
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
    const blog = await findBlog(params);
    const body = ApiUpdateBlogSchema.parse(await readJson(request));
    const rules = await updateBlogRules(viewer, blog.id, body.rules);
    return Response.json(toApiBlog({ ...blog, postCount: await countPublicPosts(blog.id), rules }));
  } catch (error) {
    return apiError(error);
  }
}
