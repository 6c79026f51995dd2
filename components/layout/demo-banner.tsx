import { getTranslations } from "next-intl/server";
import { isDemoMode } from "@/lib/auth";
import styles from "./site-header.module.css";

/** DemoBanner: says plainly that this instance runs the demo (its people sign in with the README's passwords). */
export async function DemoBanner() {
  if (!(await isDemoMode())) return null;
  const t = await getTranslations("site");
  return (
    <p className={styles.demo} role="note" data-print="hide">
      <span className={styles.demoLong}>{t("demoBanner")}</span>
      <span className={styles.demoShort}>{t("demoBannerShort")}</span>
    </p>
  );
}
