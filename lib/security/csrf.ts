import { AppError } from "@/lib/errors";
import { hasSessionCookie, readCredentials } from "./credentials";
import { env } from "@/lib/env.js";

// Server actions need none of this: Next refuses an action whose Origin does not match the
// Host (or X-Forwarded-Host) header, and next.config.js must not widen that check with
// `serverActions.allowedOrigins`. Route handlers get no such check, hence assertSameOrigin.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const { origin } = new URL(url);
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

// The app's own origin is NEXTAUTH_URL's; the request's host is accepted too, as Next does for
// server actions (X-Forwarded-Host, else Host): a cross-site page can set neither.
function isAppOrigin(origin: string, request: Request): boolean {
  if (origin === originOf(env.NEXTAUTH_URL)) return true;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  return Boolean(host) && new URL(origin).host === host;
}

/** isSameOriginRequest: true when the request comes from the app's own pages (Origin, else Sec-Fetch-Site or Referer). */
function isSameOriginRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin !== null) {
    const parsed = originOf(origin);
    return parsed !== null && isAppOrigin(parsed, request);
  }
  if (request.headers.get("sec-fetch-site") === "same-origin") return true;
  const referer = originOf(request.headers.get("referer"));
  return referer !== null && isAppOrigin(referer, request);
}

/**
 * assertSameOrigin: throws AppError FORBIDDEN when a mutating request authenticated by the
 * session cookie comes from another site. Credentials are read by readCredentials, as
 * authentication reads them: a request without the cookie, or with a well-formed bearer token
 * (which a cross-site form cannot set, and which authentication then uses instead of the
 * cookie), needs no check; a malformed Authorization header next to the cookie is checked.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  if (readCredentials(request.headers).kind === "bearer" || !hasSessionCookie(request.headers)) return;
  if (!isSameOriginRequest(request)) throw new AppError("FORBIDDEN", "Cross-site request refused");
}
