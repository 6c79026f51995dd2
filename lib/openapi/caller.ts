import "server-only";
import { viewerForRequest, type Viewer } from "@/lib/auth";
import { clientIp, consume } from "@/lib/security";

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;

/**
 * apiViewer: the caller of an /api/v1 handler. With a bearer token or a session cookie it is
 * viewerForRequest (token owner, or session with the CSRF check for mutations). With neither,
 * the caller is anonymous: only the API rate limit applies, and no session lookup is made.
 */
export async function apiViewer(request: Request, options: { mutation: boolean }): Promise<Viewer | null> {
  if (request.headers.has("authorization") || SESSION_COOKIE.test(request.headers.get("cookie") ?? "")) {
    return viewerForRequest(request, options);
  }
  await consume("api", `ip:${clientIp(request.headers)}`);
  return null;
}
