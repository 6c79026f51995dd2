"use client";

import { useRouter } from "next/navigation";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import styles from "./discussion.module.css";
import { useLabels } from "./labels-context";

/** The data of a stream event: `actor` is set only on the reader's own acts (lib/live/sse.ts). */
type StreamData = { actor?: string | null };

function read(event: MessageEvent): StreamData {
  try {
    const data: unknown = JSON.parse(String(event.data));
    return typeof data === "object" && data !== null ? (data as StreamData) : {};
  } catch {
    return {};
  }
}

/** Pixels left between the bar and what scrolling brings to the bottom of the screen. */
const AIR = 8;

/**
 * LiveUpdates: listens to the article's event stream (Server-Sent Events) and announces new
 * comments, edits and removals in a bar pinned to the bottom of the screen, so nothing moves
 * under the reader; "Show" renders the discussion again in place. The reader's own acts (their
 * comment, edit or deletion, their moderation act or report, from this tab or another) are not
 * announced: the stream opens with the reader's tag and marks those events with it. While the
 * bar shows, the page keeps room for it at its end and scrolling keeps focused or targeted
 * elements above it, so it never covers the form's button or the last comment's actions.
 */
export function LiveUpdates({ postId }: { postId: string }) {
  const labels = useLabels();
  const router = useRouter();
  const [created, setCreated] = useState(0);
  const [changed, setChanged] = useState(0);
  const bar = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const source = new EventSource(`/api/live/posts/${encodeURIComponent(postId)}`);
    // The reader's tag in this stream (each connection, reconnections included, opens with it).
    let me: string | null = null;
    const mine = (event: MessageEvent) => {
      const { actor } = read(event);
      return Boolean(me && actor === me);
    };
    const onViewer = (event: MessageEvent) => {
      me = read(event).actor ?? null;
    };
    const onCreated = (event: MessageEvent) => {
      if (!mine(event)) setCreated((n) => n + 1);
    };
    const onChanged = (event: MessageEvent) => {
      if (!mine(event)) setChanged((n) => n + 1);
    };
    source.addEventListener("viewer", onViewer);
    source.addEventListener("comment.created", onCreated);
    source.addEventListener("comment.edited", onChanged);
    source.addEventListener("comment.removed", onChanged);
    return () => source.close();
  }, [postId]);

  const shown = created + changed > 0;
  // Room for the bar: from its top to the screen's bottom, and a little air above it, becomes the
  // page's bottom padding and scroll padding.
  useLayoutEffect(() => {
    const element = bar.current;
    if (!shown || !element) return;
    const root = document.documentElement;
    const measure = () => {
      const gap = window.innerHeight - element.getBoundingClientRect().top;
      root.style.setProperty("--live-bar-room", `${Math.ceil(Math.max(gap, element.offsetHeight)) + AIR}px`);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
      root.style.removeProperty("--live-bar-room");
    };
  }, [shown]);

  if (!shown) return null;
  return (
    <div ref={bar} className={styles.live} role="status" aria-live="polite">
      <span>
        {created === 1
          ? labels.newComments.one
          : created > 1
            ? labels.newComments.other.replace("#", String(created))
            : labels.changedComments}
      </span>
      <button
        type="button"
        className="button"
        onClick={() => {
          setCreated(0);
          setChanged(0);
          router.refresh();
        }}
      >
        {labels.showNew}
      </button>
    </div>
  );
}
