import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Avatar } from "@/components/users/avatar";
import { appUrl } from "@/lib/auth/app-url";
import { commentPathIn, THREAD_DEPTH, type CommentEdit, type CommentNode, type ThreadItem } from "@/lib/comments";
import { LazyCommentActions as CommentActions } from "./lazy";
import { CommentTools, ModerationFacts } from "./comment-tools";
import styles from "./comment-thread.module.css";
import discussion from "./discussion.module.css";

const isWebUrl = (url: string) => /^https?:\/\//i.test(url);
/** The picture the avatar shows, as an address (the h-card's u-photo). */
const avatarUrl = (handle: string, image: string | null) => image ?? `/api/avatar/${encodeURIComponent(handle)}`;

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
  const [t, d, m, format] = await Promise.all([
    getTranslations("comment"),
    getTranslations("discussion"),
    getTranslations("moderationThread"),
    getFormatter(),
  ]);
  const now = new Date();
  const count = (nodes: Node[]): number => nodes.reduce((sum, node) => sum + 1 + count(node.replies), 0);

  // Each comment's author is an h-card (microformats): name, url (the card's own link) and photo.
  const authorOf = (comment: Node) =>
    comment.author ? (
      <Link className={`${styles.author} p-author h-card`} href={`/u/${comment.author.handle}`}>
        <span className="p-name">{comment.author.name}</span>
        <data className="u-url" value={appUrl(`/u/${comment.author.handle}`)} />
        <data className="u-photo" value={appUrl(avatarUrl(comment.author.handle, comment.author.image))} />
      </Link>
    ) : comment.guestName && comment.guestUrl && isWebUrl(comment.guestUrl) ? (
      <a className={`${styles.author} p-author h-card`} href={comment.guestUrl} rel="nofollow ugc noopener">
        <span className="p-name">{t("guest", { name: comment.guestName })}</span>
        <data className="u-url" value={comment.guestUrl} />
      </a>
    ) : (
      <span className={`${styles.author} p-author h-card`}>
        <span className="p-name">{comment.guestName ? t("guest", { name: comment.guestName }) : t("deletedUser")}</span>
      </span>
    );

  const nameOf = (node: Node) =>
    node.author ? node.author.name : node.guestName ? t("guest", { name: node.guestName }) : null;
  /** `answered`: the comment it replies to, when it does not sit right under it (a sibling came first). */
  const renderComment = (comment: Node, answered?: Node) => {
    const answeredName = answered ? nameOf(answered) : null;
    // Moderators read removed, spam and hidden comments too (marked, with a Restore button).
    const visible = comment.bodyHtml !== "";
    const standing = comment.status === "approved" || comment.isHeld;
    const placeholder =
      comment.status === "removed" || comment.status === "spam"
        ? m("removedPlaceholder")
        : comment.status === "hidden"
          ? m("hiddenPlaceholder")
          : t("hidden");
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
              <header className={styles.head}>
                <Avatar handle={comment.author?.handle ?? "guest"} image={comment.author?.image} size={28} />
                {authorOf(comment)}
                {comment.isPostAuthor ? <span className={styles.badge}>{t("badgeAuthor")}</span> : null}
                {comment.isModerator ? (
                  <span className={`${styles.badge} ${styles.badgeMod}`}>{t("badgeModerator")}</span>
                ) : null}
                {comment.isHeld ? <span className={discussion.heldTag}>{d("held")}</span> : null}
                {comment.isPinned ? <span className={styles.badge}>{m("pinned")}</span> : null}
                <a className={`${styles.time} u-url`} href={commentPathIn(basePath, comment.id)}>
                  <time
                    className="dt-published"
                    dateTime={comment.createdAt.toISOString()}
                    title={format.dateTime(comment.createdAt, { dateStyle: "full", timeStyle: "short" })}
                  >
                    {format.relativeTime(comment.createdAt, now)}
                  </time>
                </a>
                {comment.editedAt ? <span className="meta">· {t("edited")}</span> : null}
                {comment.sourceUrl && isWebUrl(comment.sourceUrl) ? (
                  <a className={`meta ${styles.via}`} href={comment.sourceUrl} rel="nofollow ugc noopener">
                    {t("via", { site: new URL(comment.sourceUrl).hostname })}
                  </a>
                ) : null}
                {comment.parentId ? (
                  <a className="u-in-reply-to" href={commentPathIn(basePath, comment.parentId)} hidden>
                    {t("inReplyTo")}
                  </a>
                ) : null}
              </header>
              {answeredName ? (
                <a className={`meta ${styles.replyTo}`} href={`#comment-${comment.parentId}`}>
                  {t("replyTo", { name: answeredName })}
                </a>
              ) : null}
              <div
                className={`${styles.text} prose e-content`}
                dangerouslySetInnerHTML={{ __html: comment.bodyHtml }}
              />
              {comment.moderatorNote ? (
                <p className={styles.moderatorNote}>{m("moderatorNote", { note: comment.moderatorNote })}</p>
              ) : null}
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
