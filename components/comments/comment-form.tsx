"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { createCommentAction, editCommentAction, previewCommentAction } from "@/app/(reader)/[blog]/[post]/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import {
  guestSnapshot,
  parseGuest,
  rememberGuest,
  rememberHeld,
  subscribeGuestMemory,
  type GuestIdentity,
} from "@/lib/comments/guest-memory";
import { HONEYPOT_FIELD } from "@/lib/comments/honeypot";
import { commentAnchor, commentPathIn } from "@/lib/comments/permalink";
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
  const { commentId, onDone, path, postId, asGuest } = props;
  const router = useRouter();
  const [state, action] = useActionState(commentId ? editCommentAction : createCommentAction, initialFormState);
  // What a guest sent, read as they send it: kept on their device once the server accepts it.
  const sent = useRef<{ identity: GuestIdentity; remember: boolean } | null>(null);

  useEffect(() => {
    if (!state.ok) return;
    if (asGuest && sent.current) {
      rememberGuest(sent.current.remember ? sent.current.identity : null);
      sent.current = null;
      if (state.data?.status === "pending") rememberOwnHeld(postId, state.data);
    }
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
  }, [state, router, onDone, commentId, path, postId, asGuest]);

  // A success remounts the fields: the text, the count and the preview start afresh.
  return (
    <form
      action={action}
      className={styles.form}
      noValidate
      key={state.ok ? (state.data?.id ?? "done") : "editing"}
      onSubmit={(event) => {
        if (!asGuest) return;
        const form = new FormData(event.currentTarget);
        const field = (name: string) => String(form.get(name) ?? "").trim();
        sent.current = {
          identity: { name: field("guestName"), email: field("guestEmail") },
          remember: form.get("rememberGuest") === "1",
        };
      }}
    >
      <Fields {...props} state={state} />
    </form>
  );
}

const noSnapshot = () => null;

/** A guest's held comment, as the server answered, kept on their device and shown by OwnHeld. */
function rememberOwnHeld(postId: string, data: Record<string, string>) {
  if (!data.id || !data.html || !data.name || !data.createdAt) return;
  const parentId = data.parentId || null;
  const parentName = parentId
    ? document.getElementById(commentAnchor(parentId))?.querySelector(".p-author .p-name")?.textContent?.trim()
    : undefined;
  rememberHeld(postId, {
    id: data.id,
    parentId,
    parentName: parentName || undefined,
    html: data.html,
    name: data.name,
    createdAt: data.createdAt,
  });
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
  // The name and e-mail this device remembers (none on the server, which cannot know them).
  const storedGuest = useSyncExternalStore(subscribeGuestMemory, guestSnapshot, noSnapshot);
  const remembered = useMemo(() => (asGuest ? parseGuest(storedGuest) : null), [asGuest, storedGuest]);

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
              defaultValue={state.values?.guestName ?? remembered?.name}
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
              defaultValue={state.values?.guestEmail ?? remembered?.email}
            />
            {errors.guestEmail ? <p className="field__error">{errors.guestEmail.join(" ")}</p> : null}
          </div>
          {/* Consent: unticked unless this device already remembers them; sending unticked forgets them. */}
          <label className={styles.remember}>
            <input
              // Remounted once the device's memory is read: a checkbox's default no longer applies after hydration.
              key={remembered ? "remembered" : "unknown"}
              type="checkbox"
              name="rememberGuest"
              value="1"
              defaultChecked={state.values ? state.values.rememberGuest === "1" : Boolean(remembered)}
            />{" "}
            {labels.rememberGuest}
          </label>
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
