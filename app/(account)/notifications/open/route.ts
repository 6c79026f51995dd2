import { z } from "zod";
import { getViewer } from "@/lib/auth";
import { openNotification } from "@/lib/notifications";
import { loginPath } from "@/lib/security";

export const dynamic = "force-dynamic";

/** `?id=<notice>[&id=<notice>…]`: the line's notices, the one it leads from first. */
const OpenQuerySchema = z.array(z.string().min(1).max(64)).min(1).max(50);

/**
 * GET /notifications/open?id=…: opening a notice (a line of the notifications page) marks it, and
 * the notices grouped with it, read, then goes where it leads (the comment, highlighted by its
 * fragment). Only the viewer's own notices; anything else goes back to the list.
 */
export async function GET(request: Request) {
  // A relative Location: the browser stays on the host it asked (request.url may name another
  // spelling of this server, whose cookies it would not have).
  const to = (location: string) => new Response(null, { status: 303, headers: { Location: location } });
  const viewer = await getViewer();
  if (!viewer) return to(loginPath("/notifications"));
  const ids = OpenQuerySchema.safeParse(new URL(request.url).searchParams.getAll("id"));
  if (!ids.success) return to("/notifications");
  // Where a notice leads is built by the server from stored ids (a path here, or a citation's
  // http(s) source), never taken from the request.
  return to((await openNotification(viewer, ids.data)) ?? "/notifications");
}
