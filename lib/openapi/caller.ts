import "server-only";
import { viewerForRequest, type Viewer } from "@/lib/auth";
import { clientIp, consume, readCredentials } from "@/lib/security";

/**
 * apiViewer: the caller of an /api/v1 handler. With a bearer token or a session cookie it is
 * viewerForRequest (token owner, or session with the CSRF check for mutations; a malformed
 * Authorization header is refused there). With neither (readCredentials says none),
 * the caller is anonymous: only the API rate limit applies, and no session lookup is made.
 */
export async function apiViewer(request: Request, options: { mutation: boolean }): Promise<Viewer | null> {
  if (readCredentials(request.headers).kind !== "none") {
    return viewerForRequest(request, options);
  }
  await consume("api", `ip:${clientIp(request.headers)}`);
  return null;
}
