import { apiError } from "@/lib/api";
import { viewerForRequest } from "@/lib/auth";
import { exportFor, exportResponse } from "@/lib/export";
import { loginPath } from "@/lib/security";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ blog: string }> };

/** GET /write/{blog}/settings/export: the blog's whole export as JSON (canExportBlog: its owners, admins), streamed. */
export async function GET(request: Request, { params }: Context) {
  const { blog } = await params;
  try {
    const viewer = await viewerForRequest(request, { mutation: false });
    if (!viewer) return Response.redirect(new URL(loginPath(`/write/${blog}/settings`), request.url), 303);
    const { filename, chunks } = await exportFor(viewer, blog);
    return exportResponse(filename, chunks);
  } catch (error) {
    return apiError(error);
  }
}
