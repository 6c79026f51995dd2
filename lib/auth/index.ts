/** authOptions: the next-auth configuration (route handler and getServerSession). */
export { authOptions } from "./options";
/** authorizeWithPassword / signInKeys: the password check behind sign-in, and the rate-limit keys it counts. */
export { authorizeWithPassword } from "./options";
/** getViewer / requireViewer: the signed-in person for this request (fresh from the database). */
export { getViewer, requireViewer, keepThisSession, type Viewer } from "./session";
/** viewerForRequest: the caller of a route handler, by bearer token or by session (CSRF-checked). */
export { viewerForRequest } from "./request";
/** Account flows: sign-up, verification, password reset and change, email change, sign out everywhere. */
export {
  signUp,
  verifyEmail,
  requestPasswordReset,
  resetPassword,
  changePassword,
  requestEmailChange,
  signOutEverywhere,
} from "./accounts";
/** Personal API tokens: create (secret shown once), list, revoke. */
export { createApiToken, listApiTokens, revokeApiToken, CreateApiTokenSchema } from "./api-tokens";
/** Demo mode: the flag and the demo people's shared password. */
export { isDemoMode, setDemoMode, enableDemoAccounts } from "./demo";
/** hashPassword: argon2id. */
export { hashPassword } from "./password";
/** Form schemas for the account pages. */
export { SignUpSchema, EmailOnlySchema, ResetPasswordSchema, ChangePasswordSchema } from "./schemas";
/** Pure authorization rules. */
export * from "./policy";
/** getBlogRole / getBlogRoles: a person's validated role on a blog (the one lookup the policy is fed from). */
export { getBlogRole } from "./blog-role";
