import { headers } from "next/headers";
import Link from "next/link";
import { permanentRedirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { legacyRedirect } from "@/lib/import/redirect";
import styles from "@/components/layout/message-page.module.css";

export default async function NotFound() {
  // An old address of an imported article: only requests no route answered end here, so the
  // lookup (one unique-index query) costs nothing on pages that exist. The proxy sets the path.
  const path = (await headers()).get("x-tribune-path");
  const target = path ? await legacyRedirect(path, "").catch(() => null) : null;
  if (target) permanentRedirect(target);
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
