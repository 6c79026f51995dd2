import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { describeChange, type AuditLogEntry } from "@/lib/moderation";
import styles from "./sanctions.module.css";

/**
 * AuditEntries: who did what, when, why, and before → after, one readable line per changed
 * field. Names are those recorded at the time (the blog or the account may be gone).
 */
export async function AuditEntries({
  entries,
  showBlog = false,
  personHref,
}: {
  entries: AuditLogEntry[];
  showBlog?: boolean;
  /** Where a person the entry is about links to (the blog's people page), if anywhere. */
  personHref?: (subjectId: string) => string | null;
}) {
  const [t, format] = await Promise.all([getTranslations("auditLog"), getFormatter()]);
  if (!entries.length) return <p>{t("empty")}</p>;
  return (
    <ol className={styles.list} data-testid="audit-entries">
      {entries.map((entry) => {
        const changes = describeChange(entry.before, entry.after);
        const subject = entry.subjectName ?? entry.subjectId;
        const href = entry.subjectType === "user" && personHref ? personHref(entry.subjectId) : null;
        return (
          <li key={entry.id} className={styles.entry} data-action={entry.action}>
            <p>
              <strong>{entry.actorName ?? t("system")}</strong> · <code>{entry.action}</code> ·{" "}
              {t("subject", { type: entry.subjectType })} {href ? <Link href={href}>{subject}</Link> : subject}
              {showBlog && entry.blogName ? <> · {entry.blogName}</> : null}
            </p>
            <p className="meta">
              <time dateTime={entry.createdAt.toISOString()}>
                {format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "short" })}
              </time>
            </p>
            {entry.reason ? <p>{t("reason", { reason: entry.reason })}</p> : null}
            {changes.length ? (
              <ul className={styles.changes} aria-label={t("changes")}>
                {changes.map((change) => (
                  <li key={change.key}>
                    {change.key}: {change.before ?? "—"} → {change.after ?? "—"}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
