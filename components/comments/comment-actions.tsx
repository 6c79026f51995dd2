"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { deleteCommentAction, likeAction, moderateAction } from "@/app/(reader)/[blog]/[post]/actions";
import { CommentForm } from "./comment-form";
import styles from "./discussion.module.css";
import { useLabels } from "./labels-context";

type Props = {
  postId: string;
  path: string;
  /** The page's own query ("page=2&"), kept by the no-JavaScript reply and edit links. */
  query?: string;
  comment: {
    id: string;
    likeCount: number;
    viewerHasLiked: boolean;
    isOwn: boolean;
    isHeld: boolean;
    bodySource?: string;
  };
  /** "@Name " to prefill a reply with, when the author can be mentioned. */
  mention: string;
  canReply: boolean;
  /** One's own comment can be edited only while one may comment here (not in a locked thread). */
  canEdit?: boolean;
  canLike: boolean;
  canModerate: boolean;
  asGuest: boolean;
  held: boolean;
  /** Server-chosen open form (the no-JavaScript path: ?reply=<id> or ?edit=<id>). */
  openForm: "reply" | "edit" | null;
  editBody?: string;
  /** "3 likes", for readers who cannot like. */
  likesText: string;
  /** The report button and moderators' menu (server-rendered CommentTools). */
  tools?: ReactNode;
};

/**
 * CommentActions: like, reply, edit, delete and moderate one comment. Each is a plain form
 * or link without JavaScript; with it, the like counts without a reload and the reply form
 * opens right under the comment.
 */
export function CommentActions(props: Props) {
  const { postId, path, comment, query = "" } = props;
  const labels = useLabels();
  const [form, setForm] = useState<"reply" | "edit" | null>(props.openForm);
  const [liked, setLiked] = useState(comment.viewerHasLiked);
  const [likes, setLikes] = useState(comment.likeCount);

  async function like(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setLiked(!liked);
    setLikes(likes + (liked ? -1 : 1));
    const response = await fetch(`/api/v1/comments/${comment.id}/like`, { method: "POST" });
    if (response.ok) {
      const result = (await response.json()) as { liked: boolean; likeCount: number };
      setLiked(result.liked);
      setLikes(result.likeCount);
    } else {
      setLiked(liked);
      setLikes(likes);
    }
  }

  const toggle = (which: "reply" | "edit") => (event: { preventDefault(): void }) => {
    event.preventDefault();
    setForm(form === which ? null : which);
  };

  return (
    <>
      <div className={styles.actions}>
        {props.canLike ? (
          <form action={likeAction} onSubmit={like}>
            <input type="hidden" name="commentId" value={comment.id} />
            <input type="hidden" name="path" value={path} />
            <button
              type="submit"
              className={styles.action}
              aria-pressed={liked}
              aria-label={liked ? labels.unlike : labels.like}
            >
              <span aria-hidden="true">{liked ? "♥" : "♡"}</span>
              {likes > 0 ? ` ${likes}` : null}
            </button>
          </form>
        ) : likes > 0 ? (
          <span className={styles.likes}>{props.likesText}</span>
        ) : null}
        {props.canReply && !comment.isHeld ? (
          <a
            className={styles.action}
            href={`?${query}reply=${comment.id}#comment-${comment.id}`}
            onClick={toggle("reply")}
            aria-expanded={form === "reply"}
          >
            {labels.reply}
          </a>
        ) : null}
        {comment.isOwn ? (
          <>
            {props.canEdit === false ? null : (
              <a
                className={styles.action}
                href={`?${query}edit=${comment.id}#comment-${comment.id}`}
                onClick={toggle("edit")}
                aria-expanded={form === "edit"}
              >
                {labels.edit}
              </a>
            )}
            <details className={styles.confirm}>
              <summary className={styles.action}>{labels.delete}</summary>
              <form action={deleteCommentAction}>
                <input type="hidden" name="commentId" value={comment.id} />
                <input type="hidden" name="path" value={path} />
                <p>{labels.deleteConfirm}</p>
                <button type="submit" className="button button--danger">
                  {labels.delete}
                </button>
              </form>
            </details>
          </>
        ) : null}
        {props.canModerate && comment.isHeld ? (
          <form action={moderateAction} className={styles.moderate}>
            <input type="hidden" name="commentId" value={comment.id} />
            <input type="hidden" name="path" value={path} />
            <button type="submit" name="verdict" value="approve" className="button">
              {labels.approve}
            </button>
            <button type="submit" name="verdict" value="removed" className="button button--secondary">
              {labels.reject}
            </button>
            <button type="submit" name="verdict" value="spam" className="button button--secondary">
              {labels.spam}
            </button>
          </form>
        ) : null}
        {props.tools}
      </div>
      {form === "reply" ? (
        <CommentForm
          postId={postId}
          path={path}
          parentId={comment.id}
          initialBody={props.mention}
          asGuest={props.asGuest}
          held={props.held}
          label={labels.reply}
          autoFocus
          onDone={() => setForm(null)}
        />
      ) : null}
      {form === "edit" ? (
        <CommentForm
          postId={postId}
          path={path}
          commentId={comment.id}
          initialBody={props.editBody ?? ""}
          label={labels.edit}
          autoFocus
          onDone={() => setForm(null)}
        />
      ) : null}
    </>
  );
}
