"use client";

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import {
  forgetHeld,
  heldSnapshot,
  parseHeld,
  subscribeGuestMemory,
  type HeldComment,
} from "@/lib/comments/guest-memory";
import { commentAnchor, commentPathIn } from "@/lib/comments/permalink";
import { useLabels } from "./labels-context";
import styles from "./own-held.module.css";

type Props = {
  postId: string;
  /** The article's path ("/blog/post"), for the "in reply to" link. */
  path: string;
};

/** Where one remembered comment shows: in the list above the thread (null) or under its parent. */
type Placement = { comment: HeldComment; under: HTMLOListElement | null };

/**
 * OwnHeld: a guest's own comments that wait for moderation, which the shared thread (the same
 * HTML for everyone) never contains. The comment form remembers them on the guest's device
 * (lib/comments/guest-memory); this shows each in place, marked as waiting and visible to them
 * alone: a reply under its parent comment (found by its element id, `comment-<parentId>`), a
 * comment or a reply whose parent is not on this page in a list of its own, where it is mounted
 * (just above the thread). It reads the page, never the thread's React tree: when the page
 * comes to hold the comment itself (approved), it is no longer shown here, and forgotten.
 */
export function OwnHeld({ postId, path }: Props) {
  const labels = useLabels();
  // What this device remembers (nothing on the server), read again when the form remembers
  // another one or another tab changes it.
  const stored = useSyncExternalStore(
    subscribeGuestMemory,
    () => heldSnapshot(postId),
    () => null,
  );
  const comments = useMemo(() => parseHeld(stored), [stored]);
  const [placements, setPlacements] = useState<Placement[]>([]);
  // The reply lists this component added under parent comments, by parent id.
  const lists = useRef(new Map<string, HTMLOListElement>());
  // Comments not on this page whose status was asked once (approved, they may sit on another page).
  const asked = useRef(new Set<string>());

  const place = useCallback(() => {
    const next: Placement[] = [];
    const used = new Set<string>();
    for (const comment of comments) {
      const shown = document.getElementById(commentAnchor(comment.id));
      if (shown) {
        // The page shows it itself: approved for everyone (forget it), or shown to a moderator.
        const status = shown.getAttribute("data-status");
        if (!status || status === "approved") {
          forgetHeld(postId, comment.id);
        }
        continue;
      }
      if (!asked.current.has(comment.id)) {
        asked.current.add(comment.id);
        void forgetIfApproved(postId, comment.id);
      }
      const parent = comment.parentId ? document.getElementById(commentAnchor(comment.parentId)) : null;
      if (parent && comment.parentId) {
        used.add(comment.parentId);
        next.push({ comment, under: replyList(lists.current, comment.parentId, parent) });
      } else next.push({ comment, under: null });
    }
    for (const [parentId, list] of lists.current) {
      if (used.has(parentId)) continue;
      list.remove();
      lists.current.delete(parentId);
    }
    setPlacements((previous) => (samePlacements(previous, next) ? previous : next));
  }, [comments, postId]);

  // Placed again whenever the page changes (a refresh after approval, more comments loaded, live news).
  useEffect(() => {
    let frame = requestAnimationFrame(place);
    if (!comments.length) return () => cancelAnimationFrame(frame);
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(place);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [comments, place]);

  // The added reply lists leave with this component.
  useEffect(() => {
    const added = lists.current;
    return () => {
      for (const list of added.values()) list.remove();
      added.clear();
    };
  }, []);

  const item = (comment: HeldComment, orphan: boolean) => (
    <li key={comment.id} data-own-held={comment.id}>
      <article className={styles.comment} aria-labelledby={`held-${comment.id}-author`}>
        <header className={styles.head}>
          <span id={`held-${comment.id}-author`} className={styles.author}>
            {labels.guestAuthor.replace("{name}", () => comment.name)}
          </span>
          <span className={styles.tag}>{labels.ownHeld}</span>
          <time className={styles.meta} dateTime={comment.createdAt}>
            {formatDate(comment.createdAt)}
          </time>
          {orphan && comment.parentId ? (
            <a className={styles.meta} href={commentPathIn(path, comment.parentId)}>
              {comment.parentName
                ? labels.ownHeldReplyTo.replace("{name}", () => comment.parentName ?? "")
                : labels.ownHeldReplyToComment}
            </a>
          ) : null}
        </header>
        <div className={`${styles.text} prose`} dangerouslySetInnerHTML={{ __html: sanitizeStored(comment.html) }} />
      </article>
    </li>
  );

  const top = placements.filter((placement) => !placement.under);
  return (
    <>
      {top.length ? <ol className={styles.list}>{top.map((placement) => item(placement.comment, true))}</ol> : null}
      {placements.map((placement) =>
        placement.under ? createPortal(item(placement.comment, false), placement.under, placement.comment.id) : null,
      )}
    </>
  );
}

/**
 * A remembered comment the page does not show may have been approved meanwhile and sit on
 * another page of the discussion: the public API tells (a held one is not found). Only an
 * approval makes the device forget it; a removed one stays "waiting" until it expires, since
 * one taken for spam must look held to its sender (lib/comments/create-comment.ts).
 */
async function forgetIfApproved(postId: string, id: string) {
  try {
    const response = await fetch(`/api/v1/comments/${encodeURIComponent(id)}`, { cache: "no-store" });
    if (!response.ok) return;
    const comment = (await response.json()) as { status?: unknown };
    if (comment.status === "approved") forgetHeld(postId, id);
  } catch {
    // Offline: asked again on the next visit.
  }
}

/** The list of held replies right under a parent comment's article, added once. */
function replyList(lists: Map<string, HTMLOListElement>, parentId: string, parent: HTMLElement): HTMLOListElement {
  let list = lists.get(parentId);
  if (!list) {
    list = document.createElement("ol");
    list.className = styles.replies ?? "";
    list.setAttribute("data-own-held-replies", parentId);
    lists.set(parentId, list);
  }
  if (parent.nextElementSibling !== list) parent.after(list);
  return list;
}

function samePlacements(a: Placement[], b: Placement[]): boolean {
  return a.length === b.length && a.every((p, i) => p.comment === b[i]?.comment && p.under === b[i]?.under);
}

function formatDate(iso: string): string {
  try {
    return new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
      dateStyle: "medium",
      timeStyle: "short",
    }).format(new Date(iso));
  } catch {
    return iso;
  }
}

// The HTML was sanitized by the server's pipeline, but it comes back from storage any script
// could write: only plain text markup stays (no scripts, handlers, styles or frames).
const TAGS = new Set(
  "a abbr b blockquote br code dd del div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 hr i img input ins kbd li mark ol p pre s section small span strong sub sup table tbody td tfoot th thead tr u ul".split(
    " ",
  ),
);
const ATTRIBUTES = new Set(
  "alt checked class colspan dir disabled height href lang rel rowspan src start title type width".split(" "),
);
const SAFE_URL = /^(https?:|mailto:|\/(?!\/)|#)/i;

function sanitizeStored(html: string): string {
  const template = document.createElement("template");
  template.innerHTML = html;
  const walk = (parent: ParentNode) => {
    for (const node of Array.from(parent.children)) {
      const tag = node.tagName.toLowerCase();
      if (!TAGS.has(tag) || (tag === "input" && node.getAttribute("type") !== "checkbox")) {
        node.remove();
        continue;
      }
      for (const { name, value } of Array.from(node.attributes)) {
        const keep =
          (ATTRIBUTES.has(name) || name.startsWith("data-") || name.startsWith("aria-")) &&
          (name !== "href" && name !== "src" ? true : SAFE_URL.test(value.trim()));
        if (!keep) node.removeAttribute(name);
      }
      if (tag === "input") node.setAttribute("disabled", "");
      walk(node);
    }
  };
  walk(template.content);
  return template.innerHTML;
}
