/** listBlogs / getBlogBySlug: read the blogs of the instance (plain objects, no secrets). */
export { listBlogs, getBlogBySlug, type BlogSummary } from "./service";
/** BlogSlugSchema: a blog's address (importers check a --blog slug with it). */
export { BlogSlugSchema } from "./schemas";
/** resolveBlogSlug: { blog } at a current slug, { redirectTo } (permanent) for an old one, or null. */
export { resolveBlogSlug } from "./slugs";
/** listManageableBlogs: the blogs a person belongs to, with their role (a role on one blog: getBlogRole in lib/auth). */
export { listManageableBlogs, type ManageableBlog } from "./access";
/** canCreateBlog / isOpenBlogCreation / setOpenBlogCreation: who may open a blog; the admin-only switch. */
export { canCreateBlog, isOpenBlogCreation, setOpenBlogCreation } from "./access";
/** createBlog / updateBlogSettings: blog writes (owner checks inside; old slugs become redirects). */
export { createBlog, updateBlogSettings, type BlogSettings } from "./manage";
/** renderDescription / rerenderStaleDescriptions: a blog's description rendered (sanitized, with its settings) and stored; older renders renewed at start. */
export { renderDescription, rerenderStaleDescriptions, type RenderedDescription } from "./description";
/** shownDescription: the stored description HTML as pages show it (marker removed). */
export { shownDescription } from "./description";
/** getBlogRules / updateBlogRules: a blog's discussion rules for its owners (the API), with an audit entry per change. */
export { getBlogRules, updateBlogRules } from "./manage";
/** getBlogSettings / listAllBlogs: the settings form (null unless manager); every blog with owners (admins). */
export { getBlogSettings, listAllBlogs, type AdminBlog } from "./manage";
/** listMembers / addMember / changeMemberRole / removeMember: membership; the last owner always stays. */
export { listMembers, addMember, changeMemberRole, removeMember, type BlogMember } from "./members";
/** Form schemas of the blog back office, shared by actions and services. */
export {
  CreateBlogSchema,
  UpdateBlogSettingsSchema,
  AddMemberSchema,
  MemberRoleSchema,
  MemberIdSchema,
  type UpdateBlogSettingsInput,
} from "./manage-schemas";
