/** listLatestPosts / listBlogPosts / getPublishedPost: published articles as plain objects. */
export { listLatestPosts, listBlogPosts, getPublishedPost, type PostListItem, type PostPage } from "./service";
export { PostSlugSchema, PostStatusSchema } from "./schemas";
