import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "./blogs-admin.module.css";

/** BlogManageNav: the blog's back-office sections, with the current one marked. */
export async function BlogManageNav({
  slug,
  current,
}: {
  slug: string;
  current: "settings" | "members" | "moderation" | "log";
}) {
  const t = await getTranslations("blogsAdmin");
  const links = [
    { key: "settings", href: `/write/${slug}/settings`, label: t("settingsTab") },
    { key: "members", href: `/write/${slug}/members`, label: t("membersTab") },
    { key: "moderation", href: `/write/${slug}/moderation`, label: t("moderationTab") },
    { key: "log", href: `/write/${slug}/moderation/log`, label: t("logTab") },
  ] as const;
  return (
    <nav aria-label={t("manageNavLabel")} className={styles.nav}>
      <Link href="/write">{t("dashboardTitle")}</Link>
      {links.map((link) => (
        <Link key={link.key} href={link.href} aria-current={link.key === current ? "page" : undefined}>
          {link.label}
        </Link>
      ))}
      <Link href={`/${slug}`}>{t("viewBlog")}</Link>
    </nav>
  );
}
