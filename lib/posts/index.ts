/** listLatestPosts / listBlogPosts / listPublicPosts / getTag: public articles as plain objects (one list query). */
export {
  listLatestPosts,
  listBlogPosts,
  listPublicPosts,
  getTag,
  PAGE_SIZE,
  type PostListItem,
  type PostPage,
} from "./service";
/** getArticle / isPostRemoved: a public article with what its page shows; whether an address was deleted. */
export {
  getArticle,
  isPostRemoved,
  tableOfContents,
  readingMinutes,
  type Article,
  type Citation,
  type WebMention,
  type TocEntry,
} from "./article";
export { PostSlugSchema, PostStatusSchema } from "./schemas";
/** publicPostWhere: the single "anyone may read it" condition (scheduled posts count once their date passed). */
export { publicPostWhere, isPublic, effectiveStatus } from "./public";
/** Write-side zod schemas (messages are validation.* keys) shared by the editor, its actions and the API. */
export {
  SavePostSchema,
  EditorFormSchema,
  ScheduleFormSchema,
  PostTitleSchema,
  PostBodySchema,
  PostExcerptSchema,
  PostTagsSchema,
  CoverImageUrlSchema,
  PublishAtSchema,
  parseTagList,
  type SavePostInput,
} from "./write-schemas";
/** createDraft / startDraft / saveDraft: a new draft (startDraft: only with something written) (owners and authors only), and the (auto)save in one transaction with tags, links and a throttled revision. */
export { createDraft, startDraft, saveDraft, type SavedPost } from "./save-post";
/** publishPost / unpublishPost: publish now, schedule for a future date, or go back to draft. */
export { publishPost, unpublishPost } from "./publish";
/** deletePost / restorePost: soft delete and its undo; a deleted post leaves every public read. */
export { deletePost, restorePost } from "./delete";
/** listRevisions / revisionDiff / restoreRevision: history with line hunks; restoring snapshots the current text first. */
export {
  listRevisions,
  revisionDiff,
  restoreRevision,
  REVISION_GAP_MS,
  type RevisionItem,
  type RevisionDiff,
  type DiffHunk,
  type DiffLine,
} from "./revisions";
/** exportPostMarkdown: the post as a content/ markdown file that loadContent reads back. */
export { exportPostMarkdown } from "./export";
/** getPostForEditor / listBlogPostsForWriter / previewPost: the writer's views (only posts the actor may edit). */
export {
  getPostForEditor,
  previewPost,
  previewNewPost,
  listBlogPostsForWriter,
  type EditorPost,
  type WriterPostItem,
  type WriterPostList,
} from "./editor-queries";
/** getArticlePreview: a draft or scheduled post as its readers will see it, for its writers only (NOT_FOUND otherwise). */
export { getArticlePreview } from "./preview";
/** uploadArticleImage / assertBlogWriter: an image for an article's text, and the "may write here" check (writers only). */
export { uploadArticleImage, assertBlogWriter, type ArticleImage } from "./images";
/** resolvePostSlug: a public post by slug, or a redirect from one of its old slugs, or null. */
export { resolvePostSlug, slugFromTitle } from "./slugs";
/** renderArticle / previewArticle: the blog's article rendering (stored HTML, and the same pipeline for previews). */
export { renderArticle, previewArticle } from "./render";
/** API v1 reads and writes on posts, answering with the zod-described shapes of ./api-schemas. */
export { listPostsForApi, getPostForApi, createPostFromApi, updatePostFromApi, countPublicPosts } from "./api";
/** API v1 request/response schemas (the same objects the OpenAPI document registers). */
export * from "./api-schemas";
/** wallTimeToDate / dateToWallTime: datetime-local values ↔ instants in the instance's time zone. */
export { wallTimeToDate, dateToWallTime, scheduleSuggestion } from "./zoned-time";
/** tagSlug: the shared slug of a tag name ("Débat public" → "debat-public"). */
export { tagSlug } from "./tags";
