/** guardedFetch: the one server-side HTTP client: public addresses only (after DNS, on every redirect) unless FETCH_ALLOW lists them, with time, size and redirect limits. */
export { guardedFetch } from "./fetch";
/** GuardedFetchOptions, GuardedResponse, ResolvedAddress: guardedFetch's options and result. */
export type { GuardedFetchOptions } from "./fetch";
/** checkUrl: a URL parsed and checked for scheme (http, https) and credentials, else a FetchError. */
export { checkUrl } from "./fetch";
/** FetchError: why a guarded fetch failed (code), with a redacted URL safe to log. */
export { FetchError, type FetchErrorCode } from "./errors";
/** isFinalFetchError: a refusal no retry can fix (bad URL, refused address, too large, too many redirects). */
export { isFinalFetchError } from "./errors";
/** redactUrl: scheme, host and path of a URL, without query or credentials: the only form to log. */
export { redactUrl } from "./errors";
/** classifyAddress: the reserved range an IP address lies in (e.g. "loopback"), or null when it is public. */
export { classifyAddress } from "./address";
/** parseFetchAllow: FETCH_ALLOW's host names and ranges; throws naming every bad entry. */
export { parseFetchAllow } from "./allow-list.js";
