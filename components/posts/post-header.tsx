import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Avatar } from "@/components/users/avatar";
import { appUrl } from "@/lib/auth/app-url";
import type { BlogSummary } from "@/lib/blogs";
import type { PublicPost } from "@/lib/posts";
import styles from "./post.module.css";

/** PostHeader: blog, title, author with avatar, dates, reading time and tags (h-entry parts). */
export async function PostHeader({ blog, article }: { blog: BlogSummary; article: PublicPost }) {
  const [t, format] = await Promise.all([getTranslations("post"), getFormatter()]);
  const updated = article.updatedAt.getTime() - article.publishedAt.getTime() > 86_400_000;
  return (
    <header>
      <Link className={styles.blog} href={`/${blog.slug}`}>
        {blog.name}
      </Link>
      <h1 className={`${styles.title} p-name`}>{article.title}</h1>
      {article.excerpt ? <p className={`${styles.lede} p-summary`}>{article.excerpt}</p> : null}
      <div className={styles.byline}>
        <a className={`${styles.person} p-author h-card`} href={`/u/${article.author.handle}`}>
          <Avatar handle={article.author.handle} image={article.author.image} size={40} photo />
          <span>
            <span className="visually-hidden">{t("byline")} </span>
            <span className="p-name">{article.author.name}</span>
            {/* Explicit, as the photo's u-photo keeps a parser from implying the url from the link. */}
            <data className="u-url" value={appUrl(`/u/${article.author.handle}`)} />
          </span>
        </a>
        <span className={styles.facts}>
          <time className="dt-published" dateTime={article.publishedAt.toISOString()}>
            {format.dateTime(article.publishedAt, { dateStyle: "long" })}
          </time>
          {updated ? (
            <time className="dt-updated" dateTime={article.updatedAt.toISOString()}>
              {t("updatedOn", { date: format.dateTime(article.updatedAt, { dateStyle: "medium" }) })}
            </time>
          ) : null}
          <span>{t("readingTime", { minutes: article.readingMinutes })}</span>
        </span>
      </div>
      {article.tags.length ? (
        <ul className={styles.tags} aria-label={t("tags")}>
          {article.tags.map((tag) => (
            <li key={tag.slug}>
              <Link className="p-category" href={`/tags/${tag.slug}`}>
                {tag.name}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {article.coverImageUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- uploaded covers are served as they are; the box has a fixed ratio
        <img className={`${styles.cover} u-photo`} src={article.coverImageUrl} alt="" width={1200} height={675} />
      ) : null}
    </header>
  );
}
