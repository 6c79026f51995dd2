"use client";

import { useActionState, useEffect, useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { threadToolAction } from "@/app/(reader)/[blog]/[post]/moderation-actions";
import { initialFormState } from "@/lib/forms";
import styles from "./discussion.module.css";

/** The event ActForm fires once an act succeeded; the discussion's Announcer reads it out. */
const ANNOUNCE_EVENT = "tribune:announce";

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
  // Without JavaScript the form posts to the server action and the page re-renders with its answer.
  const [state, formAction] = useActionState(threadToolAction, initialFormState);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  // With it, the action is called here, so the answer is announced even when the change
  // removes this very form from the page (a removed comment, a report that hides it).
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await threadToolAction(initialFormState, data);
      if (result.ok) {
        setRefusal(null);
        document.dispatchEvent(new CustomEvent(ANNOUNCE_EVENT, { detail: result.message }));
      } else setRefusal(result.message ?? null);
    });
  }
  const message = refusal ?? (state.message && !state.ok ? state.message : null);
  return (
    <form action={formAction} onSubmit={submit} className={className} aria-busy={pending || undefined}>
      <input type="hidden" name="act" value={act} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {message ? (
        <p className={styles.toolError} role="alert">
          {message}
        </p>
      ) : state.ok && state.message ? (
        <p className={styles.toolDone} role="status">
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
