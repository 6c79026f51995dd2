import { viewerForRequest } from "@/lib/auth";
import { apiError } from "@/lib/api";
import { exportPostMarkdown } from "@/lib/posts";
import { loginPath } from "@/lib/security";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ blog: string; id: string }> };

/** GET /write/{blog}/posts/{id}/export: the post as a content/ markdown file, downloaded. */
export async function GET(request: Request, { params }: Context) {
  const { blog, id } = await params;
  try {
    const viewer = await viewerForRequest(request, { mutation: false });
    if (!viewer) {
      return Response.redirect(new URL(loginPath(`/write/${blog}/posts/${id}`), request.url), 303);
    }
    const { filename, content } = await exportPostMarkdown(viewer, id);
    return new Response(content, {
      headers: {
        "content-type": "text/markdown; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return apiError(error);
  }
}
