import type { ThreadSort, ThreadViewer } from "@/lib/comments";
import type { ThreadPermissions } from "./comment-thread";

/** threadPermissions: what the viewer may do in the thread, as CommentThread takes it. */
export function threadPermissions(access: ThreadViewer, signedIn: boolean): ThreadPermissions {
  return {
    signedIn,
    canComment: access.canComment,
    asGuest: access.canComment ? access.asGuest : false,
    held: access.canComment ? access.held : false,
    canModerate: access.canModerate,
    sanctioned: !access.canComment && access.reason === "sanctioned",
  };
}

/**
 * pageQuery: the query string of a page of the discussion, ready for more parameters
 * ("sort=newest&page=2&"; "" for the first page in the default order).
 */
export function pageQuery(sort: ThreadSort, page: number): string {
  return `${sort === "oldest" ? "" : `sort=${sort}&`}${page > 1 ? `page=${page}&` : ""}`;
}

/** pageHref: the address of a page of the article's discussion ("/blog/post?sort=newest&page=2"). */
export function pageHref(articlePath: string, sort: ThreadSort, page: number): string {
  const query = pageQuery(sort, page).replace(/&$/, "");
  return query ? `${articlePath}?${query}` : articlePath;
}
