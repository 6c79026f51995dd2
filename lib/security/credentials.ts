// The one reading of a request's credentials, shared by authentication (lib/auth/request.ts,
// lib/openapi/caller.ts) and the CSRF check (./csrf.ts), so the two can never disagree on what a
// request carries. Precedence: any Authorization header decides alone; a request that carries
// one is never authenticated by its session cookie, even when the header is unusable.

/** What a request presents: a bearer token, the session cookie, nothing, or an unusable Authorization header. */
export type Credentials =
  { kind: "bearer"; token: string } | { kind: "session" } | { kind: "none" } | { kind: "invalid" };

// next-auth v4's session cookie, plain and on HTTPS; large sessions are split into `.0`, `.1`…
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;
// RFC 7235 / 6750: `Bearer` (any case), one or more spaces or tabs, a token68. Leading and
// trailing whitespace is tolerated; anything else (another scheme, no token, two tokens) is not.
const BEARER = /^[ \t]*bearer[ \t]+([A-Za-z0-9\-._~+/]+=*)[ \t]*$/i;

/** isSessionCookieName: whether a cookie name (trimmed) is next-auth's session cookie or one of its chunks. */
export function isSessionCookieName(name: string): boolean {
  return SESSION_COOKIE.test(name.trim());
}

/** hasSessionCookie: true when the Cookie header carries next-auth's session cookie (or one of its chunks). */
export function hasSessionCookie(headers: Headers): boolean {
  const cookie = headers.get("cookie");
  if (!cookie) return false;
  return cookie.split(";").some((pair) => isSessionCookieName(pair.split("=")[0] ?? ""));
}

/**
 * readCredentials: the request's credentials. An Authorization header, whatever its spelling,
 * wins over the cookie: `Bearer <token>` in any case and spacing is a bearer token, any other
 * value (empty, another scheme, a malformed token) is `invalid` and must be refused with 401,
 * never answered as the cookie's owner. Without the header: the session cookie, else none.
 */
export function readCredentials(headers: Headers): Credentials {
  const authorization = headers.get("authorization");
  if (authorization !== null) {
    const token = BEARER.exec(authorization)?.[1];
    return token ? { kind: "bearer", token } : { kind: "invalid" };
  }
  return hasSessionCookie(headers) ? { kind: "session" } : { kind: "none" };
}
