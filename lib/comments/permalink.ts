// A comment's permalink: /<blog>/<post>/c/<id>. The server resolves it to the page of the
// discussion that holds the comment for the viewer (app/(reader)/[blog]/[post]/c/[id]/route.ts),
// since a fragment (#comment-<id>) never reaches it and long discussions are split into pages.

/** Replies deeper than this continue on the comment's own page (the article shows this many levels). */
export const THREAD_DEPTH = 6;

/** commentPath: the site-relative permalink of a comment (every link Tribune writes to one). */
export function commentPath(blogSlug: string, postSlug: string, commentId: string): string {
  return commentPathIn(`/${encodeURIComponent(blogSlug)}/${encodeURIComponent(postSlug)}`, commentId);
}

/** commentPathIn: the same from the article's path ("/blog/post"). */
export const commentPathIn = (articlePath: string, commentId: string) =>
  `${articlePath}/c/${encodeURIComponent(commentId)}`;

/** commentAnchor: the element id of a comment in the article's page (`comment-<id>`). */
export const commentAnchor = (commentId: string) => `comment-${commentId}`;
