import { apiError } from "@/lib/api";
import { viewerForRequest } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { ListNotificationsQuerySchema, listNotifications, unreadCount } from "@/lib/notifications";

export const dynamic = "force-dynamic";

/** GET /api/v1/notifications?unread=1&cursor=&limit=: the caller's notices, newest first, with the unread count. */
export async function GET(request: Request) {
  try {
    const viewer = await viewerForRequest(request, { mutation: false });
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
    const query = ListNotificationsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const [page, unread] = await Promise.all([
      listNotifications(viewer, { unreadOnly: query.unread, cursor: query.cursor, limit: query.limit }),
      unreadCount(viewer),
    ]);
    return Response.json({ ...page, unread }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return apiError(error);
  }
}
