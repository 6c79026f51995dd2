"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type FormEvent, type MouseEvent } from "react";
import { createPortal } from "react-dom";
import { deleteCommentAction } from "@/app/(reader)/[blog]/[post]/actions";
import type { ThreadPersonal } from "@/lib/comments/thread-shell";
import { ActForm } from "./act-form";
import { CommentForm } from "./comment-form";
import threadStyles from "./comment-thread.module.css";
import styles from "./discussion.module.css";
import { useLabels } from "./labels-context";
import { usePersonalLayer } from "@/components/personal/layer";

/** The marks of a page without a personal layer: none. */
const NOBODY: ThreadPersonal = { liked: [], own: [], reported: [], held: [], canReact: false, canReply: false };

type Props = {
  /** The shared fragment of this page (its canonical address, lib/page-cache/policy threadFragmentUrl). */
  src: string;
  postId: string;
  /** The article's path ("/blog/post"). */
  path: string;
  /** The reader's ids; null on the member shell, where the page's personal layer (lib/personal) has them. */
  personal: ThreadPersonal | null;
  asGuest: boolean;
  held: boolean;
  signedIn: boolean;
  /** Where "Like" and "Report" send a visitor who is not signed in. */
  signInHref: string;
  /** Changes with every render of the page on the server: a refresh brings the thread again. */
  version: number;
};

type Open = { kind: "reply" | "edit" | "report"; id: string; body?: string; host: HTMLElement } | null;

/**
 * ThreadIsland: the discussion of every reader who does not moderate the blog. The threads are
 * shared HTML (components/comments/thread-html), put into the page by the server or, after a
 * client-side navigation or a refresh, fetched here; this island keeps them out of React's
 * payload and adds what is personal from a few ids: the likes one gave, one's own comments
 * (edit, delete), one's reports, one's held comments. Likes, replies, edits, reports and "Show
 * more comments" work in place through event delegation; the reply, edit and report forms are
 * React components rendered into the comment they belong to.
 */
export function ThreadIsland({ src, postId, path, asGuest, held, signedIn, signInHref, version, ...props }: Props) {
  const labels = useLabels();
  const layer = usePersonalLayer();
  // Until the layer is read (hydration), the thread waits to be marked; a page without one marks nothing.
  const personal = props.personal ?? (layer === undefined ? null : (layer?.thread.personal ?? NOBODY));
  const router = useRouter();
  const slot = useRef<HTMLDivElement>(null);
  const shown = useRef<{ src: string; version: number } | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [failed, setFailed] = useState(false);

  // When the signed-in reader last opened this article (on this device): what came since is marked.
  const [lastVisit] = useState(() => (signedIn ? visitedAt(postId) : null));

  const decorate = useCallback(
    (root: HTMLElement) => {
      if (!personal) return;
      const liked = new Set(personal.liked);
      const own = new Set(personal.own);
      const reported = new Set(personal.reported);
      for (const article of root.querySelectorAll<HTMLElement>("article[data-comment]")) {
        const id = article.dataset.comment!;
        const actions = article.querySelector<HTMLElement>("[data-actions]");
        if (!actions || actions.dataset.decorated) continue;
        actions.dataset.decorated = "1";
        if (lastVisit !== null && !own.has(id) && Number(article.dataset.created) > lastVisit) {
          const badge = document.createElement("span");
          badge.className = `${threadStyles.badge} ${threadStyles.badgeNew}`;
          badge.textContent = labels.newSinceVisit;
          badge.title = labels.newSinceVisitLabel;
          article.dataset.new = "";
          article.querySelector("header")?.append(badge);
        }
        const like = actions.querySelector<HTMLButtonElement>('[data-act="like"]');
        if (like && liked.has(id)) setLiked(like, true, labels);
        // One does not like one's own comment, and a suspended or banned reader likes none: the count only.
        if (like && (own.has(id) || (signedIn && !personal.canReact))) {
          const count = Number(like.querySelector("[data-likes]")?.textContent ?? 0);
          const text = document.createElement("span");
          text.className = styles.likes!;
          text.textContent = count > 0 ? plural(labels.likes, count) : "";
          like.closest("form")!.replaceWith(text);
        }
        if (!personal.canReply) actions.querySelector('[data-act="reply"]')?.remove();
        actions.querySelector("[data-report-panel] > a")?.remove();
        const report = actions.querySelector('[data-act="report"]');
        if (report && (own.has(id) || reported.has(id) || (signedIn && !personal.canReact))) {
          const note = document.createElement("span");
          note.className = styles.likes!;
          note.textContent = reported.has(id) ? labels.reported : "";
          report.replaceWith(note);
        }
        if (own.has(id)) {
          // Edit: a link, as the server's no-JavaScript form; delete asks first.
          const edit = document.createElement("a");
          edit.className = styles.action!;
          edit.dataset.act = "edit";
          edit.href = `?edit=${encodeURIComponent(id)}#comment-${encodeURIComponent(id)}`;
          edit.textContent = labels.edit;
          const confirm = document.createElement("details");
          confirm.className = styles.confirm!;
          confirm.innerHTML = `<summary class="${styles.action}"></summary><form data-act="delete"><p></p><button type="submit" class="button button--danger"></button></form>`;
          confirm.querySelector("summary")!.textContent = labels.delete;
          confirm.querySelector("p")!.textContent = labels.deleteConfirm;
          confirm.querySelector("button")!.textContent = labels.delete;
          actions.append(edit, confirm);
        }
      }
      // One's own held comments, in place (the shared thread never has them).
      for (const comment of personal.held) {
        if (root.querySelector(`#comment-${CSS.escape(comment.id)}`)) continue;
        const parent = comment.parentId ? root.querySelector(`#comment-${CSS.escape(comment.parentId)}`) : null;
        const list = parent ? repliesOf(parent.parentElement!) : root.querySelector("ol[data-thread-page]");
        if (!list) continue;
        const item = document.createElement("li");
        item.className = "own-held";
        item.innerHTML = `<article id="comment-${comment.id}" class="p-comment h-entry" data-status="pending"><p class="${styles.heldTag}"></p><div class="prose e-content"></div></article>`;
        item.querySelector("p")!.textContent = labels.ownHeld;
        // The body is the server's sanitized render of the comment.
        item.querySelector(".e-content")!.innerHTML = comment.bodyHtml;
        list.prepend(item);
      }
    },
    [personal, labels, signedIn, lastVisit],
  );

  // A reply or an edit being written: the thread is not replaced under it (a refresh would
  // close the form and lose what was typed); it comes again once the form closes.
  const composing = open !== null && open.kind !== "report";

  // The thread: as the server put it into the page, or fetched (a client-side navigation, a
  // refresh after a comment, a live "Show", a moderation act), then decorated for the reader.
  useEffect(() => {
    const root = slot.current;
    if (!root || !personal) return;
    const previous = shown.current;
    if (previous && previous.src === src && previous.version === version) return;
    if (previous && composing) return;
    shown.current = { src, version };
    if (!previous && root.firstElementChild) {
      decorate(root);
      return;
    }
    const controller = new AbortController();
    fetch(src, { signal: controller.signal, cache: "no-store" })
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(String(response.status)))))
      .then((html) => {
        setOpen(null);
        root.innerHTML = html;
        decorate(root);
        setFailed(false);
        if (previous) return;
        // Arriving by a link to one of its comments: it is found now (HashRedirect checks again).
        const target = /^#comment-/.test(window.location.hash)
          ? document.getElementById(window.location.hash.slice(1))
          : null;
        target?.scrollIntoView();
        window.dispatchEvent(new HashChangeEvent("hashchange"));
      })
      .catch((error: Error) => {
        if (error.name !== "AbortError") setFailed(true);
      });
    return () => controller.abort();
  }, [src, version, decorate, personal, composing]);

  // This visit is the last one from now on (the marks shown stay until the next one).
  useEffect(() => {
    if (signedIn) rememberVisit(postId);
  }, [signedIn, postId]);

  // A report panel (<details>) gets its form when it opens, and loses it when it closes.
  useEffect(() => {
    const root = slot.current;
    if (!root) return;
    const toggled = (event: Event) => {
      const details = event.target as HTMLDetailsElement;
      if (details.dataset?.act !== "report") return;
      const id = details.closest<HTMLElement>("article[data-comment]")?.dataset.comment;
      const panel = details.querySelector<HTMLElement>("[data-report-panel]");
      if (!id || !panel) return;
      if (details.open) setOpen({ kind: "report", id, host: panel });
      else setOpen((current) => (current?.kind === "report" && current.id === id ? null : current));
    };
    // "toggle" does not bubble: it is heard on its way down.
    root.addEventListener("toggle", toggled, true);
    return () => root.removeEventListener("toggle", toggled, true);
  }, []);

  async function like(button: HTMLButtonElement, id: string) {
    if (!signedIn) return window.location.assign(signInHref);
    const was = button.getAttribute("aria-pressed") === "true";
    const count = Number(button.querySelector("[data-likes]")?.textContent ?? 0);
    setLiked(button, !was, labels, count + (was ? -1 : 1));
    const response = await fetch(`/api/v1/comments/${encodeURIComponent(id)}/like`, { method: "POST" });
    if (!response.ok) return setLiked(button, was, labels, count);
    const result = (await response.json()) as { liked: boolean; likeCount: number };
    setLiked(button, result.liked, labels, result.likeCount);
  }

  async function more(link: HTMLAnchorElement) {
    const root = slot.current!;
    const page = link.dataset.page;
    if (!page || link.getAttribute("aria-busy")) return;
    link.setAttribute("aria-busy", "true");
    link.textContent = labels.loading;
    const response = await fetch(src.replace(/([?&])page=\d+/, `$1page=${page}`), { cache: "no-store" }).catch(
      () => null,
    );
    if (!response?.ok) {
      link.removeAttribute("aria-busy");
      link.textContent = labels.loadMore;
      setFailed(true);
      return;
    }
    const html = await response.text();
    // The new page brings its own "Show more" and page links.
    root.querySelectorAll(`[data-act="more"], [data-thread-nav]`).forEach((node) => node.closest("p, nav")?.remove());
    root.insertAdjacentHTML("beforeend", html);
    decorate(root);
  }

  function click(event: MouseEvent<HTMLDivElement>) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    const target = (event.target as HTMLElement).closest<HTMLElement>("[data-act]");
    const article = target?.closest<HTMLElement>("article[data-comment]");
    const act = target?.dataset.act;
    if (!target || !act) return;
    if (act === "more") {
      event.preventDefault();
      void more(target as HTMLAnchorElement);
      return;
    }
    const id = article?.dataset.comment;
    if (!id) return;
    if (act === "like") {
      event.preventDefault();
      void like(target as HTMLButtonElement, id);
    } else if (act === "report" && !signedIn) {
      event.preventDefault();
      window.location.assign(signInHref);
    } else if (act === "reply") {
      event.preventDefault();
      toggle({ kind: act, id, host: formHost(article) });
    } else if (act === "edit") {
      event.preventDefault();
      void fetch(`/api/v1/comments/${encodeURIComponent(id)}`, { cache: "no-store" })
        .then((response) => (response.ok ? (response.json() as Promise<{ ownSource: string | null }>) : null))
        .then((comment) => toggle({ kind: "edit", id, body: comment?.ownSource ?? "", host: formHost(article) }));
    }
  }

  function submit(event: FormEvent<HTMLDivElement>) {
    const form = event.target as HTMLFormElement;
    const id = form.closest<HTMLElement>("article[data-comment]")?.dataset.comment;
    if (form.dataset.act !== "delete" || !id) return;
    event.preventDefault();
    const data = new FormData();
    data.set("commentId", id);
    data.set("path", path);
    void deleteCommentAction(data).then(() => router.refresh());
  }

  const toggle = (next: NonNullable<Open>) =>
    setOpen((current) => (current && current.kind === next.kind && current.id === next.id ? null : next));

  return (
    <>
      <div
        id="thread"
        data-thread-slot={src}
        ref={slot}
        onClick={click}
        onSubmit={submit}
        // The server put the thread here, outside React's payload: React must keep it as it is.
        dangerouslySetInnerHTML={{ __html: "" }}
        suppressHydrationWarning
      />
      {failed ? <p role="alert">{labels.loadFailed}</p> : null}
      {open
        ? createPortal(
            open.kind === "report" ? (
              <ActForm act="report" hidden={{ postId, commentId: open.id, path }}>
                <fieldset>
                  <legend>{labels.reportWhy}</legend>
                  {labels.reportReasons.map(([reason, text], index) => (
                    <label key={reason}>
                      <input type="radio" name="reportReason" value={reason} required defaultChecked={index === 0} />{" "}
                      {text}
                    </label>
                  ))}
                </fieldset>
                <label>
                  {labels.reportNote}
                  <input type="text" name="note" maxLength={500} />
                </label>
                <button type="submit" className="button">
                  {labels.reportSend}
                </button>
              </ActForm>
            ) : (
              <CommentForm
                key={`${open.kind}-${open.id}`}
                postId={postId}
                path={path}
                parentId={open.kind === "reply" ? open.id : undefined}
                commentId={open.kind === "edit" ? open.id : undefined}
                initialBody={open.kind === "edit" ? open.body : mentionOf(open.host)}
                asGuest={open.kind === "reply" ? asGuest : undefined}
                held={open.kind === "reply" ? held : undefined}
                label={open.kind === "reply" ? labels.reply : labels.edit}
                autoFocus
                onDone={() => setOpen(null)}
              />
            ),
            open.host,
          )
        : null}
    </>
  );
}

const plural = (forms: { one: string; other: string }, count: number) =>
  count === 1 ? forms.one : forms.other.replace("#", String(count));

function setLiked(button: HTMLButtonElement, liked: boolean, labels: { like: string; unlike: string }, count?: number) {
  button.setAttribute("aria-pressed", String(liked));
  button.setAttribute("aria-label", liked ? labels.unlike : labels.like);
  const heart = button.querySelector("[aria-hidden]");
  if (heart) heart.textContent = liked ? "♥" : "♡";
  if (count === undefined) return;
  let number = button.querySelector<HTMLElement>("[data-likes]");
  if (count > 0 && !number) {
    button.append(" ");
    number = document.createElement("span");
    number.dataset.likes = "";
    button.append(number);
  }
  if (number) number.textContent = count > 0 ? String(count) : "";
}

/** formHost: the element under a comment's actions where its reply, edit or report form goes. */
function formHost(article: HTMLElement): HTMLElement {
  let host = article.querySelector<HTMLElement>(":scope > [data-form-host]");
  if (!host) {
    host = document.createElement("div");
    host.dataset.formHost = "";
    article.append(host);
  }
  return host;
}

/** repliesOf: the list of replies of a comment's <li>, made when it has none yet. */
function repliesOf(item: HTMLElement): HTMLElement {
  const existing = item.querySelector<HTMLElement>(":scope > details > ol");
  if (existing) return existing;
  const list = document.createElement("ol");
  list.className = item.parentElement?.className ?? "";
  item.append(list);
  return list;
}

/** mentionOf: "@Name " to start a reply to the comment whose form host this is (not to oneself). */
function mentionOf(host: HTMLElement): string {
  const article = host.closest("article");
  // Only people with an account can be mentioned (data-author), and not oneself (one's own comment has "Edit").
  const name = article?.dataset.author ? article.querySelector(":scope > header .p-author .p-name")?.textContent : null;
  return !name || article?.querySelector('[data-act="edit"]') ? "" : `@${name} `;
}

const VISITS = "tribune:visits";
/** At most this many articles' visits are remembered (the oldest are forgotten). */
const MAX_VISITS = 200;

/** visitedAt: when this device's reader last opened the article (ms), or null (never, or no storage). */
function visitedAt(postId: string): number | null {
  try {
    const visits = JSON.parse(localStorage.getItem(VISITS) ?? "{}") as Record<string, unknown>;
    const at = visits[postId];
    return typeof at === "number" && Number.isFinite(at) ? at : null;
  } catch {
    return null;
  }
}

function rememberVisit(postId: string): void {
  try {
    const parsed = JSON.parse(localStorage.getItem(VISITS) ?? "{}") as unknown;
    const visits = parsed && typeof parsed === "object" ? (parsed as Record<string, number>) : {};
    delete visits[postId];
    visits[postId] = Date.now();
    const kept = Object.entries(visits).slice(-MAX_VISITS);
    localStorage.setItem(VISITS, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // Storage full or blocked: nothing is marked next time.
  }
}
