import { apiError, readJson } from "@/lib/api";
import { viewerForRequest } from "@/lib/auth";
import {
  EditCommentSchema,
  ModeratorEditSchema,
  deleteComment,
  editComment,
  getComment,
  moderatorEditComment,
  toApiComment,
} from "@/lib/comments";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET /api/v1/comments/{id}: one rendered comment as the caller may see it (live updates refetch here). */
export async function GET(request: Request, { params }: Context) {
  try {
    const { id } = await params;
    const viewer = await viewerForRequest(request, { mutation: false });
    return Response.json(toApiComment(await getComment(id, viewer)), {
      headers: { "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    return apiError(error);
  }
}

/** PATCH /api/v1/comments/{id}: the author edits their comment ({ body }); a moderator edits someone's ({ body, note }). */
export async function PATCH(request: Request, { params }: Context) {
  try {
    const { id } = await params;
    const viewer = await viewerForRequest(request, { mutation: true });
    const json = await readJson(request);
    const withNote = typeof json === "object" && json !== null && "note" in json;
    if (withNote) await moderatorEditComment(viewer, id, ModeratorEditSchema.parse(json));
    else await editComment(viewer, id, EditCommentSchema.parse(json).body);
    return Response.json(toApiComment(await getComment(id, viewer)));
  } catch (error) {
    return apiError(error);
  }
}

/** DELETE /api/v1/comments/{id}: the author deletes their comment (a placeholder remains). */
export async function DELETE(request: Request, { params }: Context) {
  try {
    const { id } = await params;
    const viewer = await viewerForRequest(request, { mutation: true });
    await deleteComment(viewer, id);
    return Response.json(toApiComment(await getComment(id, viewer)));
  } catch (error) {
    return apiError(error);
  }
}
