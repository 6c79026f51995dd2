/** LIMITS: the named rate limits (attempts per window, in seconds) and what each one counts. */
export { LIMITS } from "./rate-limit";
/** LimitName: signIn, signUp, passwordReset, comment, api or mail. */
export type { LimitName, LimiterOptions, LimiterSet } from "./rate-limit";
/** consume: counts one attempt; throws AppError RATE_LIMITED with details.retryAfterSeconds when over the limit. */
export { consume } from "./rate-limit";
/** reward: forgets a key's attempts, e.g. after a successful sign-in. */
export { reward } from "./rate-limit";
/** clientIp: the client's address (X-Forwarded-For through TRUST_PROXY hops, else X-Real-IP, else "local"). */
export { clientIp } from "./rate-limit";
/** createLimiters: a separate set of limiters over memory or Redis (tests, scripts). */
export { createLimiters } from "./rate-limit";
/** assertSameOrigin: throws FORBIDDEN when a cookie-authenticated mutation comes from another site. */
export { assertSameOrigin } from "./csrf";
/** isSameOriginRequest: true when Origin (else Sec-Fetch-Site or Referer) is the app's own. */
export { isSameOriginRequest } from "./csrf";
/** safeReturnPath: a return address (`from`, `callbackUrl`) as a normalised path on this origin, else the fallback. */
export { safeReturnPath, safeReturnUrl, refererPath, loginPath, MAX_RETURN_PATH_LENGTH } from "./return-to";
