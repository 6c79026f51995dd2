import { apiError, readJson } from "@/lib/api";
import { viewerForRequest } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { MarkReadSchema, markRead, unreadCount } from "@/lib/notifications";

export const dynamic = "force-dynamic";

/** POST /api/v1/notifications/read: { ids: [...] } or { all: true }; only the caller's own notices change. */
export async function POST(request: Request) {
  try {
    const viewer = await viewerForRequest(request, { mutation: true });
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
    const input = MarkReadSchema.parse(await readJson(request));
    const updated = await markRead(viewer, "all" in input ? "all" : input.ids);
    return Response.json({ updated, unread: await unreadCount(viewer) });
  } catch (error) {
    return apiError(error);
  }
}
