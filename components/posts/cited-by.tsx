import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Citation, WebMention } from "@/lib/posts";
import styles from "./post.module.css";

/** CitedBy: the articles of this instance that link to this one, then other sites' mentions (Webmention). */
export async function CitedBy({ citations, web = [] }: { citations: Citation[]; web?: WebMention[] }) {
  const [t, tw, format] = await Promise.all([getTranslations("post"), getTranslations("webmention"), getFormatter()]);
  return (
    <section className={styles.section} aria-labelledby="cited-by-heading" id="cited-by">
      <h2 id="cited-by-heading">
        {t("citedBy")} <span className={styles.sectionCount}>({citations.length + web.length})</span>
      </h2>
      {citations.length || web.length ? (
        <>
          <p className={styles.muted}>{t("citedByIntro")}</p>
          <ul className={styles.citations}>
            {citations.map((citation) => (
              <li key={`${citation.blog.slug}/${citation.slug}`} className={`${styles.citation} h-cite`}>
                <Link className="u-url p-name" href={`/${citation.blog.slug}/${citation.slug}`}>
                  {citation.title}
                </Link>
                <div className={styles.muted}>
                  <span className="p-author">{citation.author.name}</span> · {citation.blog.name}
                </div>
                {citation.context ? <q className={`${styles.citationContext} p-summary`}>{citation.context}</q> : null}
              </li>
            ))}
            {web.map((mention) => (
              <li key={mention.id} className={`${styles.citation} h-cite`}>
                <a className="u-url p-name" href={mention.url} rel="nofollow ugc noopener">
                  {mention.title ?? new URL(mention.url).hostname}
                </a>
                <div className={styles.muted}>
                  {mention.author.name ? <span className="p-author">{mention.author.name}</span> : null}
                  {mention.author.name ? " · " : ""}
                  {tw(mention.kind === "bookmark" ? "bookmarkedOn" : "mentionedOn", {
                    site: new URL(mention.url).hostname,
                  })}
                  {" · "}
                  <time dateTime={mention.at.toISOString()}>
                    {format.dateTime(mention.at, { dateStyle: "medium" })}
                  </time>
                </div>
                {mention.excerpt ? <q className={`${styles.citationContext} p-summary`}>{mention.excerpt}</q> : null}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className={styles.muted}>{t("citedByEmpty")}</p>
      )}
    </section>
  );
}
