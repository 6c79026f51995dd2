import { apiError } from "@/lib/api";
import { viewerForRequest } from "@/lib/auth";
import { appUrl } from "@/lib/auth/app-url";
import { resolveCommentLink, toggleLike } from "@/lib/comments";
import { isAppError } from "@/lib/errors";
import { loginPath } from "@/lib/security";

export const dynamic = "force-dynamic";

const isFormPost = (request: Request) =>
  /^application\/x-www-form-urlencoded|^multipart\/form-data/i.test(request.headers.get("content-type") ?? "");

/**
 * POST /api/v1/comments/{id}/like: likes, or takes the like back; answers { liked, likeCount }.
 * The like button of a page without JavaScript is a plain form posting here: it is sent back to
 * the comment (303), or to sign in first.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const viewer = await viewerForRequest(request, { mutation: true });
    const result = await toggleLike(viewer, id);
    if (!isFormPost(request)) return Response.json(result);
    return Response.redirect(appUrl((await resolveCommentLink(id, viewer)) ?? "/"), 303);
  } catch (error) {
    if (isFormPost(request) && isAppError(error) && error.code === "UNAUTHENTICATED") {
      const back = (await resolveCommentLink(id, null).catch(() => null)) ?? "/";
      return Response.redirect(appUrl(loginPath(back)), 303);
    }
    return apiError(error);
  }
}
