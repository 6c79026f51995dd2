"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import styles from "./discussion.module.css";
import { useLabels } from "./labels-context";

/**
 * LiveUpdates: listens to the article's event stream (Server-Sent Events) and announces new
 * comments, edits and removals in a bar pinned to the bottom of the screen, so nothing moves
 * under the reader; "Show" renders the discussion again in place.
 */
export function LiveUpdates({ postId }: { postId: string }) {
  const labels = useLabels();
  const router = useRouter();
  const [created, setCreated] = useState(0);
  const [changed, setChanged] = useState(0);

  useEffect(() => {
    const source = new EventSource(`/api/live/posts/${encodeURIComponent(postId)}`);
    const onCreated = () => setCreated((n) => n + 1);
    const onChanged = () => setChanged((n) => n + 1);
    source.addEventListener("comment.created", onCreated);
    source.addEventListener("comment.edited", onChanged);
    source.addEventListener("comment.removed", onChanged);
    return () => source.close();
  }, [postId]);

  if (created + changed === 0) return null;
  return (
    <div className={styles.live} role="status" aria-live="polite">
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
