import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "@/components/layout/message-page.module.css";
import type { BlogSummary } from "@/lib/blogs";

/** GoneNotice: an article its author removed; points the reader to the blog and to search. */
export async function GoneNotice({ blog }: { blog: BlogSummary }) {
  const t = await getTranslations("gone");
  return (
    <div className={styles.page}>
      <meta name="robots" content="noindex" />
      <p className={styles.code} aria-hidden="true">
        410
      </p>
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href={`/${blog.slug}`}>{t("toBlog", { blog: blog.name })}</Link> ·{" "}
        <Link href="/search">{t("search")}</Link>
      </p>
    </div>
  );
}
