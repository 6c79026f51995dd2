import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { accentStyle } from "@/components/blogs/blog-list";
import type { ActiveDiscussion } from "@/lib/home";
import { commentPath } from "@/lib/comments/permalink";
import styles from "./home.module.css";

/** ActiveDiscussions: the articles with the freshest comments, with the latest one quoted. */
export async function ActiveDiscussions({ discussions }: { discussions: ActiveDiscussion[] }) {
  const [t, c, format] = await Promise.all([getTranslations("home"), getTranslations("comment"), getFormatter()]);
  if (!discussions.length) return <p className={styles.empty}>{t("noDiscussions")}</p>;
  const now = new Date();
  return (
    <ol className={styles.discussions}>
      {discussions.map(({ post, commentCount, lastCommentAt, lastComment }) => (
        <li
          key={`${post.blog.slug}/${post.slug}`}
          className={styles.discussion}
          style={accentStyle(post.blog.accentColor)}
        >
          <h3>
            <Link href={commentPath(post.blog.slug, post.slug, lastComment.id)}>{post.title}</Link>
          </h3>
          <p className="meta">
            {post.blog.name} · {t("commentsShort", { count: commentCount })} ·{" "}
            <time
              dateTime={lastCommentAt.toISOString()}
              title={format.dateTime(lastCommentAt, { dateStyle: "full", timeStyle: "short" })}
            >
              {format.relativeTime(lastCommentAt, now)}
            </time>
          </p>
          <blockquote className={styles.quote}>
            <strong>
              {lastComment.authorName ??
                (lastComment.guestName ? c("guest", { name: lastComment.guestName }) : c("deletedUser"))}
            </strong>
            {" : "}
            <span dangerouslySetInnerHTML={{ __html: lastComment.bodyHtml }} />
          </blockquote>
        </li>
      ))}
    </ol>
  );
}
