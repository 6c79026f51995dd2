import { getFormatter, getTranslations } from "next-intl/server";
import type { CommentNode, ThreadComment } from "@/lib/comments";

type Node = CommentNode<ThreadComment>;

/** CommentThread: the discussion as nested lists (server-rendered, readable without JavaScript). */
export async function CommentThread({ comments }: { comments: Node[] }) {
  const [t, format] = await Promise.all([getTranslations("comment"), getFormatter()]);

  const authorName = (comment: Node) =>
    comment.author?.name ?? (comment.guestName ? t("guest", { name: comment.guestName }) : t("deletedUser"));

  const renderList = (nodes: Node[]) => (
    <ol className="comment-list">
      {nodes.map((comment) => (
        <li key={comment.id} className="comment" data-depth={comment.depth}>
          <article id={`comment-${comment.id}`} aria-label={authorName(comment)}>
            {comment.status === "approved" ? (
              <>
                <header className="meta">
                  <strong>{authorName(comment)}</strong>
                  {" · "}
                  <a href={`#comment-${comment.id}`} aria-label={t("permalink")}>
                    <time dateTime={comment.createdAt.toISOString()}>
                      {format.dateTime(comment.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    </time>
                  </a>
                  {comment.editedAt ? ` · ${t("edited")}` : null}
                </header>
                <div className="comment__body" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
              </>
            ) : (
              <p className="comment__placeholder">{comment.status === "pending" ? t("pending") : t("hidden")}</p>
            )}
          </article>
          {comment.replies.length ? renderList(comment.replies) : null}
        </li>
      ))}
    </ol>
  );

  return renderList(comments);
}
