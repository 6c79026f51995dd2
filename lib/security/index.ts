/** LIMITS: the named rate limits (attempts per window, in seconds) and what each one counts. */
export { LIMITS } from "./rate-limit";
/** consume: counts one attempt; throws AppError RATE_LIMITED with details.retryAfterSeconds when over the limit. */
export { consume } from "./rate-limit";
/** reward: forgets a key's attempts, e.g. after a successful sign-in. */
export { reward } from "./rate-limit";
/** clientIp: the client's rate-limit key, from the address scripts/serve.ts stamped (socket, or X-Forwarded-For through TRUST_PROXY); else "unknown". */
export { clientIp, UNKNOWN_CLIENT } from "./client-address";
/** stampClientAddress: the HTTP server's step that decides and stamps every request's client address. */
export {
  stampClientAddress,
  clientAddress,
  clientAddressOf,
  clientAddressHeaders,
  normalizeAddress,
} from "./client-address";
/** createLimiters: a separate set of limiters over memory or Redis (tests, scripts). */
export { createLimiters } from "./rate-limit";
/** assertSameOrigin: throws FORBIDDEN when a cookie-authenticated mutation comes from another site. */
export { assertSameOrigin } from "./csrf";
/** readCredentials: the request's credentials (bearer token, session cookie, none, or an invalid Authorization header). */
export { readCredentials } from "./credentials";
/** safeReturnPath: a return address (`from`, `callbackUrl`) as a normalised path on this origin, else the fallback. */
export { safeReturnPath, safeReturnUrl, refererPath, loginPath, MAX_RETURN_PATH_LENGTH } from "./return-to";
