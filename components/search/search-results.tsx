import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { commentPath } from "@/lib/comments";
import type { CommentSearchResults, SearchResults } from "@/lib/search";
import styles from "./search-results.module.css";

type Heading = "h2" | "h3";

/** The snippet lib/search built: escaped text whose only tags are the <mark>s it added. */
function Snippet({ html, quote = false }: { html: string; quote?: boolean }) {
  if (!html) return null;
  return (
    <p
      className={`${styles.snippet} ${quote ? styles.quote : ""}`}
      data-testid="search-snippet"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

/** ArticleResults: found articles, each with its blog, date and highlighted snippet. */
export async function ArticleResults({
  results,
  heading: H = "h2",
}: {
  results: SearchResults["results"];
  heading?: Heading;
}) {
  const format = await getFormatter();
  return (
    <ol className={styles.list}>
      {results.map((result) => (
        <li key={result.id} className={styles.item}>
          <H className={styles.title}>
            <Link href={`/${result.blog.slug}/${result.slug}`}>{result.title}</Link>
          </H>
          <p className="meta">
            <Link href={`/${result.blog.slug}`}>{result.blog.name}</Link>
            {" · "}
            <time dateTime={result.publishedAt.toISOString()}>
              {format.dateTime(result.publishedAt, { dateStyle: "long" })}
            </time>
          </p>
          <Snippet html={result.snippetHtml} />
        </li>
      ))}
    </ol>
  );
}

/** CommentResults: found comments, each saying who wrote it on which article, linking to the comment itself. */
export async function CommentResults({
  results,
  heading: H = "h2",
}: {
  results: CommentSearchResults["results"];
  heading?: Heading;
}) {
  const [t, format] = await Promise.all([getTranslations("search"), getFormatter()]);
  return (
    <ol className={styles.list}>
      {results.map((result) => (
        <li key={result.id} className={styles.item}>
          <H className={styles.commentTitle}>
            {/* A plain link: the permalink is a redirect whose #fragment a client-side navigation would drop. */}
            <a href={commentPath(result.blog.slug, result.post.slug, result.id)}>
              {result.author
                ? t("commentHeading", { author: result.author, title: result.post.title })
                : t("commentHeadingDeleted", { title: result.post.title })}
            </a>
          </H>
          <p className="meta">
            <Link href={`/${result.blog.slug}`}>{result.blog.name}</Link>
            {" · "}
            <Link href={`/${result.blog.slug}/${result.post.slug}`}>{t("article")}</Link>
            {" · "}
            <time dateTime={result.createdAt.toISOString()}>
              {format.dateTime(result.createdAt, { dateStyle: "long" })}
            </time>
          </p>
          <Snippet html={result.snippetHtml} quote />
        </li>
      ))}
    </ol>
  );
}
