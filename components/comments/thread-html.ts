import "server-only";
import { createFormatter } from "use-intl/core";
import { appUrl } from "@/lib/auth/app-url";
import { env } from "@/lib/env.js";
import {
  commentPathIn,
  THREAD_DEPTH,
  type CommentNode,
  type ThreadItem,
  type ThreadPage,
  type ThreadSort,
} from "@/lib/comments";
import { translatorFor, type Locale } from "@/lib/i18n";
import styles from "./comment-thread.module.css";
import discussion from "./discussion.module.css";
import { pageHref, pageQuery, shownPages } from "./thread-view";

// The shared thread: one page of an article's discussion as every reader who does not moderate
// the blog sees it, as an HTML string. It is rendered once per article, page, sort and language
// and kept by the page cache (route /<blog>/<post>/thread); scripts/serve.ts puts it into the
// article's page outside the React payload, so the text of the comments is sent once. Nothing in
// it depends on who reads: what is personal (own comments' edit and delete, the likes one gave,
// reports) is added in the browser by ThreadIsland from a few ids the page carries.
// Markup hooks for the island: data-comment on each comment, data-act on each action.

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** esc: text or an attribute value, escaped for HTML. */
const esc = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);
const avatarUrl = (handle: string, image: string | null) => image ?? `/api/avatar/${encodeURIComponent(handle)}`;

type Node = CommentNode<ThreadItem>;
export type ThreadHtmlInput = {
  tree: Node[];
  page: ThreadPage;
  /** The article's path ("/blog/post"). */
  basePath: string;
  sort: ThreadSort;
  locale: Locale;
  /** Replies deeper than this continue on the comment's own page. */
  maxDepth?: number;
};

/**
 * threadHtml: the page's threads (an <ol>, or the "no comments yet" line), then the links to the
 * other pages and "Show more comments" (a plain link to the next page).
 */
export function threadHtml({ tree, page, basePath, sort, locale, maxDepth = THREAD_DEPTH }: ThreadHtmlInput): string {
  const c = translatorFor(locale, "comment");
  const d = translatorFor(locale, "discussion");
  const m = translatorFor(locale, "moderationThread");
  const now = new Date();
  const format = createFormatter({ locale, timeZone: env.TIME_ZONE, now });
  const nameOf = (node: Node) =>
    node.author ? node.author.name : node.guestName ? c("guest", { name: node.guestName }) : null;
  const placeholderOf = (node: Node) =>
    node.status === "removed" || node.status === "spam"
      ? m("removedPlaceholder")
      : node.status === "hidden"
        ? m("hiddenPlaceholder")
        : c("hidden");
  const count = (nodes: Node[]): number => nodes.reduce((sum, node) => sum + 1 + count(node.replies), 0);

  const author = (node: Node): string => {
    if (node.author) {
      const { handle, name, image } = node.author;
      return `<a class="${styles.author} p-author h-card" href="/u/${esc(handle)}"><span class="p-name">${esc(name)}</span><data class="u-url" value="${esc(appUrl(`/u/${handle}`))}"></data><data class="u-photo" value="${esc(appUrl(avatarUrl(handle, image)))}"></data></a>`;
    }
    const name = node.guestName ? c("guest", { name: node.guestName }) : c("deletedUser");
    if (node.guestName && node.guestUrl && isWebUrl(node.guestUrl))
      return `<a class="${styles.author} p-author h-card" href="${esc(node.guestUrl)}" rel="nofollow ugc noopener"><span class="p-name">${esc(name)}</span><data class="u-url" value="${esc(node.guestUrl)}"></data></a>`;
    return `<span class="${styles.author} p-author h-card"><span class="p-name">${esc(name)}</span></span>`;
  };

  const comment = (node: Node, previous: Node | undefined, parent: Node | undefined): string => {
    const id = esc(node.id);
    const visible = node.bodyHtml !== "";
    let inner: string;
    if (!visible) {
      inner = `<p class="${styles.placeholder}">${esc(placeholderOf(node))}</p>`;
    } else {
      const created = node.createdAt;
      const handle = node.author?.handle ?? "guest";
      const parts = [
        `<img class="avatar" src="${esc(avatarUrl(handle, node.author?.image ?? null))}" alt="" width="28" height="28" loading="lazy">`,
        author(node),
        node.isPostAuthor ? `<span class="${styles.badge}">${esc(c("badgeAuthor"))}</span>` : "",
        node.isModerator ? `<span class="${styles.badge} ${styles.badgeMod}">${esc(c("badgeModerator"))}</span>` : "",
        node.isPinned ? `<span class="${styles.badge}">${esc(m("pinned"))}</span>` : "",
        `<a class="${styles.time} u-url" href="${esc(commentPathIn(basePath, node.id))}"><time class="dt-published" datetime="${created.toISOString()}" title="${esc(format.dateTime(created, { dateStyle: "full", timeStyle: "short" }))}">${esc(format.relativeTime(created, now))}</time></a>`,
        node.editedAt ? `<span class="meta">· ${esc(c("edited"))}</span>` : "",
        node.sourceUrl && isWebUrl(node.sourceUrl)
          ? `<a class="meta ${styles.via}" href="${esc(node.sourceUrl)}" rel="nofollow ugc noopener">${esc(c("via", { site: new URL(node.sourceUrl).hostname }))}</a>`
          : "",
      ];
      // A reply that does not sit right under its parent (a sibling came first) says whom it answers.
      const parentName = parent && previous ? nameOf(parent) : null;
      const inReplyTo = node.parentId
        ? parentName
          ? `<a class="meta ${styles.replyTo} u-in-reply-to" href="#comment-${esc(node.parentId)}">${esc(c("replyTo", { name: parentName }))}</a>`
          : `<a class="u-in-reply-to" href="${esc(commentPathIn(basePath, node.parentId))}" hidden>${esc(c("inReplyTo"))}</a>`
        : "";
      const likes = node.likeCount;
      const actions = [
        `<form method="post" action="/api/v1/comments/${id}/like"><button type="submit" class="${discussion.action}" data-act="like" aria-pressed="false" aria-label="${esc(d("like"))}"><span aria-hidden="true">♡</span>${likes > 0 ? ` <span data-likes>${likes}</span>` : ""}</button></form>`,
        `<a class="${discussion.action}" data-act="reply" href="?${esc(pageQuery(sort, page.number))}reply=${id}#comment-${id}">${esc(d("reply"))}</a>`,
        // Reporting opens under the comment (ThreadIsland puts the form in); without JavaScript the
        // panel leads to the comment's own page, which has the form.
        `<details class="${discussion.confirm} ${discussion.tools}" data-act="report"><summary class="${discussion.action}">${esc(m("report"))}</summary><div class="${discussion.toolPanel}" data-report-panel><a href="${esc(`${basePath}/comments/${node.id}`)}">${esc(m("reportTitle"))}</a></div></details>`,
      ];
      inner = `<header class="${styles.head}">${parts.join("")}</header>${inReplyTo}<div class="${styles.text} prose e-content">${node.bodyHtml}</div>${
        node.moderatorNote
          ? `<p class="${styles.moderatorNote}">${esc(m("moderatorNote", { note: node.moderatorNote }))}</p>`
          : ""
      }<div class="${discussion.actions}" data-actions>${actions.join("")}</div>`;
    }
    const article = `<article id="comment-${id}" class="${styles.body} p-comment h-entry" data-comment="${id}" data-status="${esc(node.status)}"${
      node.author ? ` data-author="${esc(node.author.id)}"` : ""
    } data-created="${node.createdAt.getTime()}"${visible ? "" : ` aria-label="${esc(placeholderOf(node))}"`}>${inner}</article>`;
    const replyCount = count(node.replies);
    let replies = "";
    if (replyCount > 0 && node.depth >= maxDepth) {
      replies = `<a class="${styles.continue}" href="${esc(`${basePath}/comments/${node.id}`)}">${esc(c("continueThread", { count: replyCount }))}</a>`;
    } else if (replyCount > 0) {
      replies = `<details class="${styles.toggle}" open><summary>${esc(c("replies", { count: replyCount }))}</summary><ol class="${styles.replies}">${node.replies
        .map((reply, i) => comment(reply, node.replies[i - 1], node))
        .join("")}</ol></details>`;
    }
    return `<li class="${styles.comment}" data-depth="${node.depth}">${article}${replies}</li>`;
  };

  const threads = tree.length
    ? `<ol class="${styles.thread}" data-thread-page="${page.number}">${tree.map((node) => comment(node, undefined, undefined)).join("")}</ol>`
    : `<p class="${styles.empty}">${esc(c("empty"))}</p>`;
  return threads + navigation(page, basePath, sort, d);
}

/** navigation: "Show more comments" (the next page) and the links to every page, when there are several. */
function navigation(page: ThreadPage, basePath: string, sort: ThreadSort, d: ReturnType<typeof translatorFor>) {
  if (page.count <= 1) return "";
  const href = (n: number) => esc(`${pageHref(basePath, sort, n)}#discussion`);
  const more =
    page.number < page.count
      ? `<p class="${discussion.loadMore}"><a class="button" data-act="more" data-page="${page.number + 1}" href="${href(page.number + 1)}">${esc(d("loadMore"))}</a></p>`
      : "";
  const links = [
    page.number > 1 ? `<li><a href="${href(page.number - 1)}" rel="prev">${esc(d("previousPage"))}</a></li>` : "",
    ...shownPages(page.number, page.count).map((n) =>
      n === "gap"
        ? `<li aria-hidden="true">…</li>`
        : `<li><a href="${href(n)}"${n === page.number ? ` aria-current="page"` : ""} aria-label="${esc(d("pageLink", { page: n }))}">${n}</a></li>`,
    ),
    page.number < page.count ? `<li><a href="${href(page.number + 1)}" rel="next">${esc(d("nextPage"))}</a></li>` : "",
  ];
  return `${more}<nav class="${discussion.pages}" aria-label="${esc(d("pagesLabel"))}" data-thread-nav><p class="meta">${esc(
    d("pageStatus", { page: page.number, count: page.count }),
  )}</p><ul>${links.join("")}</ul></nav>`;
}
