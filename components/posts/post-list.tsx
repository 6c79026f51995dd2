import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { PostListItem } from "@/lib/posts";
import styles from "./post-list.module.css";

export async function PostList({ posts, showBlog = false }: { posts: PostListItem[]; showBlog?: boolean }) {
  const [t, format] = await Promise.all([getTranslations("post"), getFormatter()]);
  return (
    <ol className={styles.list}>
      {posts.map((post) => (
        <li key={post.id}>
          <article className={`${styles.item} h-entry`}>
            <h3 className={styles.title}>
              <Link className="u-url p-name" href={`/${post.blog.slug}/${post.slug}`}>
                {post.title}
              </Link>
            </h3>
            <p className={`meta ${styles.stats}`}>
              {showBlog ? (
                <Link className={styles.blog} href={`/${post.blog.slug}`}>
                  {post.blog.name}
                </Link>
              ) : null}
              <span className="p-author">{t("by", { name: post.author.name })}</span>
              {post.publishedAt ? (
                <time className="dt-published" dateTime={post.publishedAt.toISOString()}>
                  {format.dateTime(post.publishedAt, { dateStyle: "long" })}
                </time>
              ) : null}
              <span>{t("comments", { count: post.commentCount })}</span>
            </p>
            {post.excerpt ? <p className={`${styles.excerpt} p-summary`}>{post.excerpt}</p> : null}
          </article>
        </li>
      ))}
    </ol>
  );
}
