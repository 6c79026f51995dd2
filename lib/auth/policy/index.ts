/**
 * Who may do what: pure functions of the acting person (with their instance role and any
 * sanction), their role on the blog (getBlogRole) and the facts of the target. Services call
 * them with the acting user they take first, so server actions, route handlers and the API
 * get the same check. The whole matrix is tests/unit/policy-matrix.test.ts.
 */
export * from "./actor";
export * from "./instance";
export * from "./blogs";
export * from "./posts";
export * from "./comments";
export * from "./moderation";
