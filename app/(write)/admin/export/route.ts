import { apiError } from "@/lib/api";
import { viewerForRequest } from "@/lib/auth";
import { exportFor, exportResponse } from "@/lib/export";
import { loginPath } from "@/lib/security";

export const dynamic = "force-dynamic";

/** GET /admin/export: the whole instance's export as JSON (canExportInstance: admins), streamed. */
export async function GET(request: Request) {
  try {
    const viewer = await viewerForRequest(request, { mutation: false });
    if (!viewer) return Response.redirect(new URL(loginPath("/admin"), request.url), 303);
    const { filename, chunks } = await exportFor(viewer, null);
    return exportResponse(filename, chunks);
  } catch (error) {
    return apiError(error);
  }
}
