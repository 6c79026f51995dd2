import { getViewer } from "@/lib/auth";
import { readCredentials } from "@/lib/security";
import { exportAccount } from "@/lib/users";

export const dynamic = "force-dynamic";

/**
 * GET /settings/export: everything the instance holds about the signed-in person, as a JSON
 * download. Session only: a request carrying an Authorization header is never authenticated by
 * its cookie (readCredentials).
 */
export async function GET(request: Request) {
  const viewer = readCredentials(request.headers).kind === "session" ? await getViewer() : null;
  if (!viewer) return Response.json({ error: "UNAUTHENTICATED" }, { status: 401 });
  const data = await exportAccount(viewer.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="tribune-${viewer.handle}.json"`,
      "cache-control": "private, no-store",
    },
  });
}
