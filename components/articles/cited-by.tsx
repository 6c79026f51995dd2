import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Citation } from "@/lib/posts";
import styles from "./article.module.css";

/** CitedBy: the articles of this instance that link to this one (webmentions join them later). */
export async function CitedBy({ citations }: { citations: Citation[] }) {
  const t = await getTranslations("post");
  return (
    <section className={styles.section} aria-labelledby="cited-by-heading" id="cited-by">
      <h2 id="cited-by-heading">
        {t("citedBy")} <span className={styles.sectionCount}>({citations.length})</span>
      </h2>
      {citations.length ? (
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
          </ul>
        </>
      ) : (
        <p className={styles.muted}>{t("citedByEmpty")}</p>
      )}
    </section>
  );
}
