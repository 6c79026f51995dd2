/** listLatestPosts / listBlogPosts / listPublicPosts / getTag: public articles as plain objects (one list query). */
export { listLatestPosts, listBlogPosts, listPublicPosts, getTag, type PostListItem } from "./service";
/** getPublicPost / isPostRemoved: a public article with what its page shows; whether an address was deleted. */
export {
  getPublicPost,
  isPostRemoved,
  type PublicPost,
  type Citation,
  type WebMention,
  type TocEntry,
} from "./public-post";
/** publicPostWhere: the single "anyone may read it" condition (scheduled posts count once their date passed). */
export { publicPostWhere } from "./public";
/** Write-side zod schemas (messages are validation.* keys) shared by the editor, its actions and the API. */
export { EditorFormSchema, ScheduleFormSchema, PostBodySchema } from "./write-schemas";
/** createDraft / startDraft / saveDraft: a new draft (startDraft: only with something written) (owners and authors only), and the (auto)save in one transaction with tags, links and a throttled revision. */
export { createDraft, startDraft, saveDraft } from "./save-post";
/** publishPost / unpublishPost: publish now, schedule for a future date, or go back to draft. */
export { publishPost, unpublishPost } from "./publish";
/** deletePost / restorePost: soft delete and its undo; a deleted post leaves every public read. */
export { deletePost, restorePost } from "./delete";
/** listRevisions / revisionDiff / restoreRevision: history with line hunks; restoring snapshots the current text first. */
export { listRevisions, revisionDiff, restoreRevision, type RevisionDiff } from "./revisions";
/** exportPostMarkdown / formatPostMarkdown: a post as a content/ markdown file that loadContent reads back. */
export { exportPostMarkdown, formatPostMarkdown } from "./export";
/** getPostForEditor / listBlogPostsForWriter / previewPost: the writer's views (only posts the actor may edit). */
export {
  getPostForEditor,
  previewPost,
  previewNewPost,
  listBlogPostsForWriter,
  type WriterPostItem,
} from "./editor-queries";
/** getPostPreview: a draft or scheduled post as its readers will see it, for its writers only (NOT_FOUND otherwise). */
export { getPostPreview } from "./preview";
/** uploadPostImage / assertBlogWriter: an image for an article's text, and the "may write here" check (writers only). */
export { uploadPostImage, assertBlogWriter } from "./images";
/** resolvePostSlug: a public post by slug, or a redirect from one of its old slugs, or null. */
export { resolvePostSlug, slugFromTitle, uniqueSlug } from "./slugs";
/** renderPostBody: the blog's article rendering (stored HTML and its links). */
export { renderPostBody } from "./render";
/** articleColumns: the columns an article's render fills (HTML with marker, headings, word count, reading time, pipeline version); content sync and the re-render use it too. */
export { articleColumns } from "./render";
/** rerenderStalePosts: renders articles from an older pipeline again with their blog's settings, in bounded batches (never bodySource). */
export { rerenderStalePosts } from "./rerender";
/** API v1 reads and writes on posts, answering with the zod-described shapes of ./api-schemas. */
export { listPostsForApi, getPostForApi, createPostFromApi, updatePostFromApi, countPublicPosts } from "./api";
/** API v1 request/response schemas (the same objects the OpenAPI document registers). */
export * from "./api-schemas";
/** wallTimeToDate / dateToWallTime: datetime-local values ↔ instants in the instance's time zone. */
export { wallTimeToDate, scheduleSuggestion } from "./zoned-time";
/** tagSlug / tagIdFor: the slug of a tag name ("Débat public" → "debat-public"); the tag of a name in a language (tags belong to one). */
export { tagSlug, tagIdFor } from "./tags";
