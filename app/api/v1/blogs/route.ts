import { apiError } from "@/lib/api";
import { listBlogs } from "@/lib/blogs";
import { ApiBlogListSchema, toApiBlog } from "@/lib/blogs/openapi";
import { apiViewer } from "@/lib/openapi";

export const dynamic = "force-dynamic";

/** GET /api/v1/blogs: every blog of the instance. */
export async function GET(request: Request) {
  try {
    await apiViewer(request, { mutation: false });
    const blogs = await listBlogs();
    return Response.json(ApiBlogListSchema.parse({ blogs: blogs.map(toApiBlog) }));
  } catch (error) {
    return apiError(error);
  }
}
