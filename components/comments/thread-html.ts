import "server-only";
import { THREAD_DEPTH, type CommentNode, type ThreadItem, type ThreadPage, type ThreadSort } from "@/lib/comments";
import { translatorFor, type Locale } from "@/lib/i18n";
import { commentWriter, esc } from "./comment-html";
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
  const writer = commentWriter(locale, basePath);
  const { c, m, placeholderOf } = writer;
  const d = translatorFor(locale, "discussion");
  const count = (nodes: Node[]): number => nodes.reduce((sum, node) => sum + 1 + count(node.replies), 0);

  const comment = (node: Node, previous: Node | undefined, parent: Node | undefined): string => {
    const id = esc(node.id);
    const visible = node.bodyHtml !== "";
    let inner: string;
    if (!visible) {
      inner = `<p class="${styles.placeholder}">${esc(placeholderOf(node))}</p>`;
    } else {
      const likes = node.likeCount;
      const actions = [
        `<form method="post" action="/api/v1/comments/${id}/like"><button type="submit" class="${discussion.action}" data-act="like" aria-pressed="false" aria-label="${esc(d("like"))}"><span aria-hidden="true">♡</span>${likes > 0 ? ` <span data-likes>${likes}</span>` : ""}</button></form>`,
        `<a class="${discussion.action}" data-act="reply" href="?${esc(pageQuery(sort, page.number))}reply=${id}#comment-${id}">${esc(d("reply"))}</a>`,
        // Reporting opens under the comment (ThreadIsland puts the form in); without JavaScript the
        // panel leads to the comment's own page, which has the form.
        `<details class="${discussion.confirm} ${discussion.tools}" data-act="report"><summary class="${discussion.action}">${esc(m("report"))}</summary><div class="${discussion.toolPanel}" data-report-panel><a href="${esc(`${basePath}/comments/${node.id}`)}">${esc(m("reportTitle"))}</a></div></details>`,
      ];
      inner = `${writer.content(node, previous ? parent : undefined)}<div class="${discussion.actions}" data-actions>${actions.join("")}</div>`;
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
