import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertSameOrigin, clientIp, consume, readCredentials } from "@/lib/security";
import { userIdForApiToken } from "./api-tokens";
import { toSanctions } from "./sanctions";
import { getViewer, viewerQuery, type Viewer } from "./session";

/**
 * viewerForRequest: who is calling a route handler, read by readCredentials (the CSRF check
 * reads them the same way). A bearer token runs as its owner (no cookie, so no CSRF check); an
 * Authorization header that is not a well-formed bearer token is refused (401), never answered
 * as the cookie's owner; otherwise the session cookie, and then mutations must come from our
 * own origin. Every API call is rate limited per token or address.
 */
export async function viewerForRequest(request: Request, options: { mutation: boolean }): Promise<Viewer | null> {
  const credentials = readCredentials(request.headers);
  if (credentials.kind === "invalid") {
    await consume("api", `ip:${clientIp(request.headers)}`);
    throw new AppError("UNAUTHENTICATED", "errors.badToken");
  }
  if (credentials.kind === "bearer") {
    const { token } = credentials;
    await consume("api", `token:${token.slice(0, 12)}`);
    const userId = await userIdForApiToken(token);
    if (!userId) throw new AppError("UNAUTHENTICATED", "errors.badToken");
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: viewerQuery() });
    const { sessionVersion: _sv, deletedAt: _deleted, sanctions, ...viewer } = user;
    return { ...viewer, sanctions: toSanctions(sanctions) };
  }
  await consume("api", `ip:${clientIp(request.headers)}`);
  if (options.mutation) assertSameOrigin(request);
  return credentials.kind === "session" ? getViewer() : null;
}
