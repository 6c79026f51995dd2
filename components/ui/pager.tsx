import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "./pager.module.css";

/** Pager: previous/next links for a paginated list (plain links, no JavaScript). */
export async function Pager({ page, pages, basePath }: { page: number; pages: number; basePath: string }) {
  if (pages <= 1) return null;
  const t = await getTranslations("pager");
  const href = (n: number) => (n === 1 ? basePath : `${basePath}?page=${n}`);
  return (
    <nav className={styles.pager} aria-label={t("label")}>
      {page > 1 ? (
        <Link rel="prev" href={href(page - 1)}>
          ← {t("newer")}
        </Link>
      ) : (
        <span />
      )}
      <span className="meta">{t("position", { page, pages })}</span>
      {page < pages ? (
        <Link rel="next" href={href(page + 1)}>
          {t("older")} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
