import { apiError, readJson } from "@/lib/api";
import { AppError } from "@/lib/errors";
import { apiViewer } from "@/lib/openapi";
import { ApiPostSchema, ApiUpdatePostSchema, updatePostFromApi } from "@/lib/posts";
import { ApiPostIdParamsSchema } from "@/lib/posts/openapi";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** PATCH /api/v1/posts/{id}: updates, publishes, schedules or unpublishes a post the caller may edit. */
export async function PATCH(request: Request, { params }: Context) {
  try {
    const viewer = await apiViewer(request, { mutation: true });
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
    const { id } = ApiPostIdParamsSchema.parse(await params);
    const body = ApiUpdatePostSchema.parse(await readJson(request));
    return Response.json(ApiPostSchema.parse(await updatePostFromApi(viewer, id, body)));
  } catch (error) {
    return apiError(error);
  }
}
