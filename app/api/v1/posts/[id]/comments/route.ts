import { apiError, readJson } from "@/lib/api";
import { viewerForRequest } from "@/lib/auth";
import {
  ListCommentsQuerySchema,
  createComment,
  flattenThread,
  listThread,
  toApiComment,
  toApiTree,
  toApiViewer,
} from "@/lib/comments";
import { clientAddressOf, clientIp } from "@/lib/security";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET /api/v1/posts/{id}/comments?format=tree|flat&sort=oldest|newest|liked&page=N */
export async function GET(request: Request, { params }: Context) {
  try {
    const { id } = await params;
    const viewer = await viewerForRequest(request, { mutation: false });
    const query = ListCommentsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const thread = await listThread(id, viewer, { sort: query.sort, page: query.page });
    const comments =
      query.format === "flat"
        ? flattenThread(thread.tree).map((item) => ({ ...toApiComment(item), depth: item.depth }))
        : toApiTree(thread.tree);
    return Response.json({
      format: query.format,
      count: thread.count,
      viewer: toApiViewer(thread.viewer),
      page: thread.page,
      comments,
    });
  } catch (error) {
    return apiError(error);
  }
}

/** POST /api/v1/posts/{id}/comments: a comment or a reply (parentId), by token, session or as a guest. */
export async function POST(request: Request, { params }: Context) {
  try {
    const { id } = await params;
    const viewer = await viewerForRequest(request, { mutation: true });
    const body = (await readJson(request)) as Record<string, unknown>;
    const created = await createComment(viewer, { ...body, postId: id } as Parameters<typeof createComment>[1], {
      ip: clientIp(request.headers),
      address: clientAddressOf(request.headers),
      userAgent: request.headers.get("user-agent"),
    });
    // The documented answer (CreatedComment): the body and date stay for the comment form.
    const { bodyHtml, createdAt, ...answer } = created;
    return Response.json(answer, { status: 201 });
  } catch (error) {
    return apiError(error);
  }
}
