import { getViewer } from "@/lib/auth";
import { exportAccount } from "@/lib/users";

export const dynamic = "force-dynamic";

/** GET /settings/export: everything the instance holds about the signed-in person, as a JSON download. */
export async function GET() {
  const viewer = await getViewer();
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
