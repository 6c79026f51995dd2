import "server-only";
import { createFormatter } from "use-intl/core";
import { appUrl } from "@/lib/auth/app-url";
import { commentPathIn, type CommentNode, type ThreadItem } from "@/lib/comments";
import { env } from "@/lib/env.js";
import { escapeHtml } from "@/lib/html";
import { translatorFor, type Locale } from "@/lib/i18n";
import styles from "./comment-thread.module.css";
import discussion from "./discussion.module.css";

// One comment's markup as every view of a discussion shows it: its head (avatar, author as an
// h-card, badges, date, "edited", "via"), whom it answers, its text and a moderator's note. The
// shared thread (thread-html) is made of it, and the moderators' thread (comment-thread.tsx)
// shows the same, with their tools around it: one way to write a comment, for both.

/** esc: text or an attribute value, escaped for HTML. */
export const esc = escapeHtml;
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);
const avatarUrl = (handle: string, image: string | null) => image ?? `/api/avatar/${encodeURIComponent(handle)}`;

type Node = CommentNode<ThreadItem>;

/**
 * commentWriter: the comment writer of a thread in `locale` for the article at `basePath`.
 * `heldLabel`: the tag of a held comment, for the views that show them (moderators').
 */
export function commentWriter(locale: Locale, basePath: string, options: { heldLabel?: string } = {}) {
  const c = translatorFor(locale, "comment");
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

  /**
   * content: a visible comment's head, whom it answers, text and moderator's note. `answered`:
   * the comment it replies to when it does not sit right under it (a sibling came first): it says
   * "In reply to <name>", linking there; otherwise the reply's parent is a hidden link (microformats).
   */
  const content = (node: Node, answered: Node | undefined): string => {
    const created = node.createdAt;
    const handle = node.author?.handle ?? "guest";
    const head = [
      `<img class="avatar" src="${esc(avatarUrl(handle, node.author?.image ?? null))}" alt="" width="28" height="28" loading="lazy">`,
      author(node),
      node.isPostAuthor ? `<span class="${styles.badge}">${esc(c("badgeAuthor"))}</span>` : "",
      node.isModerator ? `<span class="${styles.badge} ${styles.badgeMod}">${esc(c("badgeModerator"))}</span>` : "",
      node.isHeld && options.heldLabel ? `<span class="${discussion.heldTag}">${esc(options.heldLabel)}</span>` : "",
      node.isPinned ? `<span class="${styles.badge}">${esc(m("pinned"))}</span>` : "",
      `<a class="${styles.time} u-url" href="${esc(commentPathIn(basePath, node.id))}"><time class="dt-published" datetime="${created.toISOString()}" title="${esc(format.dateTime(created, { dateStyle: "full", timeStyle: "short" }))}">${esc(format.relativeTime(created, now))}</time></a>`,
      node.editedAt ? `<span class="meta">· ${esc(c("edited"))}</span>` : "",
      node.sourceUrl && isWebUrl(node.sourceUrl)
        ? `<a class="meta ${styles.via}" href="${esc(node.sourceUrl)}" rel="nofollow ugc noopener">${esc(c("via", { site: new URL(node.sourceUrl).hostname }))}</a>`
        : "",
    ];
    const answeredName = answered ? nameOf(answered) : null;
    const inReplyTo = node.parentId
      ? answeredName
        ? `<a class="meta ${styles.replyTo} u-in-reply-to" href="#comment-${esc(node.parentId)}">${esc(c("replyTo", { name: answeredName }))}</a>`
        : `<a class="u-in-reply-to" href="${esc(commentPathIn(basePath, node.parentId))}" hidden>${esc(c("inReplyTo"))}</a>`
      : "";
    const note = node.moderatorNote
      ? `<p class="${styles.moderatorNote}">${esc(m("moderatorNote", { note: node.moderatorNote }))}</p>`
      : "";
    // The body is the server's sanitized render of the comment.
    return `<header class="${styles.head}">${head.join("")}</header>${inReplyTo}<div class="${styles.text} prose e-content">${node.bodyHtml}</div>${note}`;
  };

  return { c, m, format, now, nameOf, placeholderOf, content };
}
