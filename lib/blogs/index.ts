/** listBlogs / getBlogBySlug: read the blogs of the instance (plain objects, no secrets). */
export { listBlogs, getBlogBySlug, type BlogSummary } from "./service";
/** BlogSlugSchema and the reserved slugs that static routes own. */
export {
  BlogSlugSchema,
  RESERVED_BLOG_SLUGS,
  LanguageSchema,
  CommentPolicySchema,
  MembershipRoleSchema,
} from "./schemas";
