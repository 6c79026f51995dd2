import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { SanctionView } from "@/lib/moderation";
import styles from "./sanctions.module.css";

/**
 * ProfileModerationPanel: on a public profile, for blog staff and admins only: the person's
 * sanctions in force (on the blogs the viewer moderates, and instance-wide) and links to their
 * record on each of those blogs.
 */
export async function ProfileModerationPanel({
  handle,
  panel,
  admin = false,
}: {
  handle: string;
  panel: { blogs: { slug: string; name: string }[]; inForce: SanctionView[] };
  /** Admins also get the person's instance-wide page. */
  admin?: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations("sanctions"), getFormatter()]);
  return (
    <aside className="notice stack" aria-labelledby="moderation-panel-heading" data-testid="moderation-panel">
      <h2 id="moderation-panel-heading">{t("panelHeading")}</h2>
      {panel.inForce.length ? (
        <ul className={styles.list}>
          {panel.inForce.map((sanction) => (
            <li key={sanction.id}>
              <span className={`${styles.badge} ${styles.inForce}`}>{t("kind", { kind: sanction.kind })}</span>{" "}
              {sanction.blog ? t("onBlog", { blog: sanction.blog.name }) : t("instanceWide")}
              {sanction.endsAt
                ? ` · ${t("inForceUntil", { date: format.dateTime(sanction.endsAt, { dateStyle: "medium", timeStyle: "short" }) })}`
                : null}{" "}
              — {sanction.reason}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("panelNone")}</p>
      )}
      {admin ? <Link href={`/moderation/people/${handle}`}>{t("panelInstance")}</Link> : null}
      {panel.blogs.length ? (
        <ul className={styles.counts}>
          {panel.blogs.map((blog) => (
            <li key={blog.slug}>
              <Link href={`/write/${blog.slug}/moderation/people/${handle}`}>
                {t("panelOpen", { blog: blog.name })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </aside>
  );
}
