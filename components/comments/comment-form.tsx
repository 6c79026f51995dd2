"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState } from "react";
import { createCommentAction, editCommentAction, previewCommentAction } from "@/app/(reader)/[blog]/[post]/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { HONEYPOT_FIELD } from "@/lib/comments/honeypot";
import { commentPathIn } from "@/lib/comments/permalink";
import { initialFormState, type FormState } from "@/lib/forms";
import { MentionTextarea } from "./mention-textarea";
import styles from "./discussion.module.css";
import { useLabels } from "./labels-context";

const MAX = 5000;

type Props = {
  postId: string;
  path: string;
  /** Replying to this comment. */
  parentId?: string;
  /** Editing this comment (own comment). */
  commentId?: string;
  initialBody?: string;
  asGuest?: boolean;
  held?: boolean;
  label: string;
  autoFocus?: boolean;
  onDone?: () => void;
};

/**
 * CommentForm: write, preview and send a comment, a reply or an edit. A plain form post
 * without JavaScript (the action is a server action); with it, @-mention suggestions, a live
 * character count, a preview rendered by the server's own pipeline, and no page reload.
 */
export function CommentForm(props: Props) {
  const { commentId, onDone, path } = props;
  const router = useRouter();
  const [state, action] = useActionState(commentId ? editCommentAction : createCommentAction, initialFormState);

  useEffect(() => {
    if (!state.ok) return;
    router.refresh();
    const id = state.data?.id;
    if (id && state.data?.status === "approved") {
      // Bring the reader to what they just wrote once the page has it; in a long discussion it
      // may sit on another page, which its permalink finds.
      let tries = 0;
      const find = () => {
        const written = document.getElementById(`comment-${id}`);
        if (written) written.scrollIntoView({ block: "center" });
        else if (++tries < 25) setTimeout(find, 200);
        else if (!commentId) window.location.assign(commentPathIn(path, id));
      };
      setTimeout(find, 300);
    }
    if (state.data?.status !== "pending") onDone?.();
  }, [state, router, onDone, commentId, path]);

  // A success remounts the fields: the text, the count and the preview start afresh.
  return (
    <form action={action} className={styles.form} noValidate key={state.ok ? (state.data?.id ?? "done") : "editing"}>
      <Fields {...props} state={state} />
    </form>
  );
}

function Fields({
  postId,
  path,
  parentId,
  commentId,
  initialBody = "",
  asGuest,
  held,
  label,
  autoFocus,
  onDone,
  state,
}: Props & { state: FormState }) {
  const labels = useLabels();
  const fields = useRef<HTMLDivElement>(null);
  const [length, setLength] = useState(initialBody.length);
  const [preview, setPreview] = useState<{ html?: string; error?: string } | null>(null);

  async function showPreview() {
    const body = fields.current?.querySelector("textarea")?.value ?? "";
    setPreview(await previewCommentAction(postId, body));
  }

  const errors = state.fieldErrors ?? {};
  const bodyId = `body-${commentId ?? parentId ?? "new"}`;
  return (
    <div ref={fields} className="stack">
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="path" value={path} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      {commentId ? <input type="hidden" name="commentId" value={commentId} /> : null}
      {commentId ? null : (
        // The bots' trap: off screen, hidden from screen readers, out of the tab order, never autofilled.
        <div className={styles.trap} aria-hidden="true">
          <label htmlFor={`${bodyId}-trap`}>Leave this field empty</label>
          <input
            id={`${bodyId}-trap`}
            name={HONEYPOT_FIELD}
            type="text"
            tabIndex={-1}
            autoComplete="off"
            defaultValue=""
          />
        </div>
      )}
      {state.ok && state.data?.status === "pending" ? (
        <p className="form-message form-message--ok" role="status">
          {labels.heldNotice}
        </p>
      ) : !state.ok && state.message ? (
        <p className="form-message form-message--error" role="status">
          {state.message}
        </p>
      ) : null}
      {asGuest ? (
        <div className={styles.guest}>
          <div className="field">
            <label htmlFor={`${bodyId}-name`}>{labels.guestName}</label>
            <input
              id={`${bodyId}-name`}
              name="guestName"
              autoComplete="name"
              maxLength={60}
              defaultValue={state.values?.guestName}
            />
            {errors.guestName ? <p className="field__error">{errors.guestName.join(" ")}</p> : null}
          </div>
          <div className="field">
            <label htmlFor={`${bodyId}-email`}>{labels.guestEmail}</label>
            <input
              id={`${bodyId}-email`}
              name="guestEmail"
              type="email"
              autoComplete="email"
              defaultValue={state.values?.guestEmail}
            />
            {errors.guestEmail ? <p className="field__error">{errors.guestEmail.join(" ")}</p> : null}
          </div>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={bodyId}>{label}</label>
        <MentionTextarea
          id={bodyId}
          postId={postId}
          listLabel={labels.mentionSuggestions}
          name="body"
          rows={parentId || commentId ? 3 : 4}
          maxLength={MAX + 500}
          required
          autoFocus={autoFocus}
          defaultValue={state.ok ? "" : (state.values?.body ?? initialBody)}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={`${bodyId}-hint${errors.body ? ` ${bodyId}-error` : ""}`}
          onInput={(event) => setLength(event.currentTarget.value.length)}
        />
        <p id={`${bodyId}-hint`} className={`field__hint ${length > MAX ? styles.over : ""}`}>
          {labels.markdownHint} · {length} / {MAX}
        </p>
        {errors.body ? (
          <p id={`${bodyId}-error`} className="field__error">
            {errors.body.join(" ")}
          </p>
        ) : null}
      </div>
      {preview?.error ? (
        <p className="form-message form-message--error" role="status">
          {preview.error}
        </p>
      ) : preview ? (
        <div
          className={`${styles.preview} prose`}
          aria-label={labels.preview}
          dangerouslySetInnerHTML={{ __html: preview.html ?? "" }}
        />
      ) : null}
      {held && !state.ok ? <p className="field__hint">{labels.heldHint}</p> : null}
      <div className={styles.formActions}>
        <SubmitButton>{commentId ? labels.save : labels.send}</SubmitButton>
        <button type="button" className="button button--secondary" onClick={showPreview}>
          {labels.preview}
        </button>
        {onDone ? (
          <button type="button" className="link-button" onClick={onDone}>
            {labels.cancel}
          </button>
        ) : null}
      </div>
    </div>
  );
}
