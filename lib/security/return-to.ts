// The one place that decides whether a return address (`from`, `callbackUrl`, a Referer sent
// back to) may be followed. Only a path on this origin passes. Browsers read many strings that
// start with "/" as another host: "//evil", "/\evil", and "/<tab>/evil" (the URL parser drops
// tabs and newlines, leaving "//evil"). So the value is refused outright when it carries a
// control character or a backslash, must start with exactly one "/", is resolved with the WHATWG
// URL parser against a placeholder origin that must survive, and the normalised result must
// still start with exactly one "/" ("/..//evil" normalises to "//evil").

const PLACEHOLDER = "http://return-to.invalid";
/** The longest return address kept (longer ones fall back): no page of ours needs more. */
export const MAX_RETURN_PATH_LENGTH = 2048;

// C0 controls (tab, newline, carriage return included), DEL, C1 controls, and backslashes.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\\]/;

function isLocalPath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !FORBIDDEN.test(path);
}

/**
 * safeReturnPath: `value` normalised to path + query + fragment when it is a path on this
 * origin, else `fallback` (which the caller controls, "/" by default).
 */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > MAX_RETURN_PATH_LENGTH || !isLocalPath(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return isLocalPath(path) && path.length <= MAX_RETURN_PATH_LENGTH ? path : fallback;
}

/**
 * safeReturnUrl: for next-auth's redirect callback, which gets relative paths and absolute URLs:
 * an absolute URL on `baseUrl`'s origin, or a safe path, becomes an absolute URL on `baseUrl`;
 * anything else becomes `baseUrl` itself.
 */
export function safeReturnUrl(value: unknown, baseUrl: string): string {
  const base = new URL(baseUrl);
  let path: string | null = null;
  if (typeof value === "string" && value.startsWith("/")) path = safeReturnPath(value, "") || null;
  else if (typeof value === "string") {
    try {
      const url = new URL(value);
      if (url.origin === base.origin) path = safeReturnPath(`${url.pathname}${url.search}${url.hash}`, "") || null;
    } catch {
      path = null;
    }
  }
  return path ? `${base.origin}${path}` : baseUrl;
}

/** refererPath: the path of a Referer to send the reader back to (our origin only), or `fallback`. */
export function refererPath(referer: string | null | undefined, fallback = "/"): string {
  if (!referer) return fallback;
  try {
    const url = new URL(referer);
    return safeReturnPath(`${url.pathname}${url.search}`, fallback);
  } catch {
    return fallback;
  }
}

/** loginPath: the sign-in page that comes back to `from` (a safe path) afterwards. */
export function loginPath(from: string): string {
  return `/login?from=${encodeURIComponent(safeReturnPath(from))}`;
}
