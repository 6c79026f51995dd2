import { getTranslations } from "next-intl/server";
import type { TocEntry } from "@/lib/posts";
import styles from "./post.module.css";

/** TableOfContents: shown for long articles (three headings or more), collapsible without JavaScript. */
export async function TableOfContents({ entries }: { entries: TocEntry[] }) {
  if (entries.length < 3) return null;
  const t = await getTranslations("post");
  return (
    <nav aria-label={t("toc")}>
      <details className={styles.toc} open>
        <summary>{t("toc")}</summary>
        <ol>
          {entries.map((entry) => (
            <li key={entry.id} className={entry.depth === 3 ? styles.tocSub : undefined}>
              <a href={`#${entry.id}`}>{entry.text}</a>
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}
