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

/** shownPages: the page numbers a long discussion's navigation lists: the first, the last and the current one's neighbours. */
export function shownPages(current: number, count: number): (number | "gap")[] {
  const wanted = new Set([1, count, current - 2, current - 1, current, current + 1, current + 2]);
  const pages = [...wanted].filter((n) => n >= 1 && n <= count).sort((a, b) => a - b);
  return pages.flatMap((n, i) => (i > 0 && n - pages[i - 1]! > 1 ? ["gap" as const, n] : [n]));
}
