import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "./site-header.module.css";

export async function SiteFooter() {
  const t = await getTranslations("site");
  return (
    <footer className={styles.footer} data-print="hide">
      <div className="container">
        <p>
          {t("footer")} · <Link href="/feed.xml">RSS</Link> · <Link href="/search">{t("searchLink")}</Link>
        </p>
      </div>
    </footer>
  );
}
