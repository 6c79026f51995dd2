import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { THREAD_DEPTH, type CommentEdit, type CommentNode, type ThreadItem } from "@/lib/comments";
import type { Locale } from "@/lib/i18n";
import { commentWriter } from "./comment-html";
import { LazyCommentActions as CommentActions } from "./lazy";
import { CommentTools, ModerationFacts } from "./comment-tools";
import styles from "./comment-thread.module.css";
import discussion from "./discussion.module.css";

type Node = CommentNode<ThreadItem>;
export type ThreadPermissions = {
  signedIn: boolean;
  canComment: boolean;
  asGuest: boolean;
  held: boolean;
  canModerate: boolean;
  /** Suspended or banned here: no likes (lib/auth/policy likeRefusal), the form says why. */
  sanctioned?: boolean;
};
type Props = {
  comments: Node[];
  postId: string;
  /** Path of the article, for permalinks ("/blog/post"). */
  basePath: string;
  permissions: ThreadPermissions;
  /** The form the server opens (no-JavaScript path): ?reply=<id> or ?edit=<id>. */
  open?: { reply?: string; edit?: string };
  /** The page's own query ("page=2&"), kept by the no-JavaScript reply and edit links. */
  query?: string;
  /** Replies deeper than this continue on the comment's own page. */
  maxDepth?: number;
  /** Earlier texts of edited comments (given to moderators only). */
  history?: Map<string, CommentEdit[]>;
};

/**
 * CommentThread: the discussion as nested lists, readable and collapsible without JavaScript
 * (<details>), with thread lines, capped indentation, badges for the article's author and the
 * blog's moderators, and each comment's actions.
 */
export async function CommentThread({
  comments,
  postId,
  basePath,
  permissions,
  open = {},
  query = "",
  maxDepth = THREAD_DEPTH,
  history,
}: Props) {
  const [t, d, format, locale] = await Promise.all([
    getTranslations("comment"),
    getTranslations("discussion"),
    getFormatter(),
    getLocale(),
  ]);
  // The comment itself is written as in the shared thread (comment-html); the tools come around it.
  const writer = commentWriter(locale as Locale, basePath, { heldLabel: d("held") });
  const count = (nodes: Node[]): number => nodes.reduce((sum, node) => sum + 1 + count(node.replies), 0);

  /** `answered`: the comment it replies to, when it does not sit right under it (a sibling came first). */
  const renderComment = (comment: Node, answered?: Node) => {
    // Moderators read removed, spam and hidden comments too (marked, with a Restore button).
    const visible = comment.bodyHtml !== "";
    const standing = comment.status === "approved" || comment.isHeld;
    const placeholder = writer.placeholderOf(comment);
    const replyCount = count(comment.replies);
    return (
      <li key={comment.id} className={styles.comment} data-depth={comment.depth}>
        <article
          id={`comment-${comment.id}`}
          className={`${styles.body} p-comment h-entry`}
          aria-label={visible ? undefined : placeholder}
          data-status={comment.status}
        >
          {visible ? (
            <>
              <div className={styles.content} dangerouslySetInnerHTML={{ __html: writer.content(comment, answered) }} />
              <ModerationFacts comment={comment} />
              {history?.get(comment.id)?.length ? (
                <details className={styles.history}>
                  <summary>{d("history", { count: history.get(comment.id)!.length })}</summary>
                  <ol>
                    {history.get(comment.id)!.map((edit) => (
                      <li key={edit.createdAt.toISOString()}>
                        <time dateTime={edit.createdAt.toISOString()}>
                          {format.dateTime(edit.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                        </time>
                        <pre>{edit.bodySource}</pre>
                      </li>
                    ))}
                  </ol>
                </details>
              ) : null}
              {standing ? (
                <CommentActions
                  postId={postId}
                  path={basePath}
                  query={query}
                  comment={{
                    id: comment.id,
                    likeCount: comment.likeCount,
                    viewerHasLiked: comment.viewerHasLiked,
                    isOwn: comment.isOwn,
                    isHeld: comment.isHeld,
                  }}
                  mention={comment.author && !comment.isOwn ? `@${comment.author.name} ` : ""}
                  canReply={permissions.canComment}
                  canEdit={permissions.canComment}
                  canLike={permissions.signedIn && !permissions.sanctioned && !comment.isOwn && !comment.isHeld}
                  canModerate={permissions.canModerate}
                  asGuest={permissions.asGuest}
                  held={permissions.held}
                  openForm={
                    open.reply === comment.id ? "reply" : open.edit === comment.id && comment.isOwn ? "edit" : null
                  }
                  editBody={comment.ownSource ?? undefined}
                  likesText={d("likes", { count: comment.likeCount })}
                  tools={
                    <CommentTools
                      comment={comment}
                      postId={postId}
                      path={basePath}
                      canModerate={permissions.canModerate}
                    />
                  }
                />
              ) : (
                <div className={discussion.actions}>
                  <CommentTools
                    comment={comment}
                    postId={postId}
                    path={basePath}
                    canModerate={permissions.canModerate}
                  />
                </div>
              )}
            </>
          ) : (
            <p className={styles.placeholder}>{placeholder}</p>
          )}
        </article>
        {replyCount === 0 ? null : comment.depth >= maxDepth ? (
          <Link className={styles.continue} href={`${basePath}/comments/${comment.id}`}>
            {t("continueThread", { count: replyCount })}
          </Link>
        ) : (
          <details className={styles.toggle} open>
            <summary>{t("replies", { count: replyCount })}</summary>
            <ol className={styles.replies}>
              {comment.replies.map((reply, i) => renderComment(reply, i > 0 ? comment : undefined))}
            </ol>
          </details>
        )}
      </li>
    );
  };

  if (!comments.length) return <p className={styles.empty}>{t("empty")}</p>;
  return <ol className={styles.thread}>{comments.map((comment) => renderComment(comment))}</ol>;
}
