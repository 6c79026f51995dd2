import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "@/components/layout/message-page.module.css";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <div className={styles.page}>
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      <p>
        <Link href="/">{t("backHome")}</Link>
      </p>
    </div>
  );
}
