/** FetchErrorCode: why a guarded fetch gave no response. */
export type FetchErrorCode =
  | "INVALID_REQUEST" // not a URL, a bad header, a bad option
  | "SCHEME" // not http: or https:
  | "CREDENTIALS" // user name or password in the URL
  | "DNS" // the name does not resolve
  | "REFUSED_ADDRESS" // private, loopback, link-local, … and not in FETCH_ALLOW
  | "REDIRECTS" // more redirects than allowed
  | "TOO_LARGE" // body over the byte limit
  | "TIMEOUT" // the whole fetch (redirects included) took longer than the limit
  | "ABORTED" // the caller's signal
  | "NETWORK"; // connection refused, reset, TLS failure, malformed response

/** FetchError: a refused or failed guarded fetch; `url` is redacted (no query, no credentials), safe to log. */
export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly url?: string,
  ) {
    super(url ? `${message} (${url})` : message);
    this.name = "FetchError";
  }
}

/** redactUrl: scheme, host and path only: query strings and fragments may carry secrets (API keys, tokens). */
export function redactUrl(url: string | URL): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return "(not a URL)";
  }
}

/** Failures that trying again later cannot fix (the URL or what it answers is refused), unlike DNS, time-outs and network errors. */
const FINAL_CODES: ReadonlySet<FetchErrorCode> = new Set([
  "INVALID_REQUEST",
  "SCHEME",
  "CREDENTIALS",
  "REFUSED_ADDRESS",
  "REDIRECTS",
  "TOO_LARGE",
]);

/** isFinalFetchError: a FetchError that no retry can fix (jobs give up on it at once). */
export function isFinalFetchError(error: unknown): error is FetchError {
  return error instanceof FetchError && FINAL_CODES.has(error.code);
}
