"use client";

import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { threadToolAction } from "@/app/(reader)/[blog]/[post]/moderation-actions";
import { initialFormState } from "@/lib/forms";
import styles from "./discussion.module.css";

/** The event ActForm fires once an act succeeded; the discussion's Announcer reads it out. */
export const ANNOUNCE_EVENT = "tribune:announce";

/**
 * ActForm: one thread tool or report as a form posting to threadToolAction. Without JavaScript
 * it is a plain form post and the article re-renders; with it, the page updates in place, a
 * success is announced by the discussion's live region (the form itself may vanish with the
 * change) and a refusal is shown, and announced, under the form. The texts come translated
 * from the server.
 */
export function ActForm({
  act,
  hidden,
  className,
  children,
}: {
  act: string;
  /** Hidden fields: postId, commentId, path. */
  hidden: Record<string, string>;
  className?: string;
  children: ReactNode;
}) {
  const [state, action] = useActionState(threadToolAction, initialFormState);
  const seen = useRef(state);
  useEffect(() => {
    if (seen.current === state) return;
    seen.current = state;
    if (state.ok && state.message) document.dispatchEvent(new CustomEvent(ANNOUNCE_EVENT, { detail: state.message }));
  }, [state]);
  return (
    <form action={action} className={className}>
      <input type="hidden" name="act" value={act} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {!state.ok && state.message ? (
        <p className={styles.toolError} role="alert">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

/** Announcer: the discussion's polite live region, where thread tools announce what they did. */
export function Announcer() {
  const region = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const say = (event: Event) => {
      if (region.current) region.current.textContent = String((event as CustomEvent<string>).detail);
    };
    document.addEventListener(ANNOUNCE_EVENT, say);
    return () => document.removeEventListener(ANNOUNCE_EVENT, say);
  }, []);
  return <p ref={region} className={styles.announcer} role="status" aria-live="polite" />;
}
