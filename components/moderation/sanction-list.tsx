import { getFormatter, getTranslations } from "next-intl/server";
import type { SanctionView } from "@/lib/moderation";
import styles from "./sanctions.module.css";

/** SanctionList: sanctions with their scope, reason, end and state; a lift form on those in force when allowed. */
export async function SanctionList({
  sanctions,
  lift,
}: {
  sanctions: SanctionView[];
  /** The lift form's action and hidden fields, and which sanctions the viewer may lift (blog, instance-wide). */
  lift?: { action: (form: FormData) => Promise<void>; returnTo: string; instance: boolean; blog: boolean };
}) {
  const [t, format] = await Promise.all([getTranslations("sanctions"), getFormatter()]);
  if (!sanctions.length) return <p>{t("none")}</p>;
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return (
    <ul className={styles.list} data-testid="sanction-list">
      {sanctions.map((sanction) => (
        <li key={sanction.id} className={styles.entry}>
          <p>
            <span className={`${styles.badge} ${sanction.inForce ? styles.inForce : ""}`}>
              {t("kind", { kind: sanction.kind })}
            </span>{" "}
            {sanction.blog ? t("onBlog", { blog: sanction.blog.name }) : t("instanceWide")} ·{" "}
            {sanction.inForce
              ? sanction.endsAt
                ? t("inForceUntil", { date: when(sanction.endsAt) })
                : t("inForce")
              : sanction.liftedAt
                ? t("liftedOn", { date: when(sanction.liftedAt), by: sanction.liftedBy ?? "—" })
                : sanction.kind === "warning"
                  ? t("warned")
                  : t("ended")}
          </p>
          <p className="meta">{t("issued", { date: when(sanction.createdAt), by: sanction.createdBy ?? "—" })}</p>
          <p>{t("reasonIs", { reason: sanction.reason })}</p>
          {lift && sanction.inForce && (sanction.blog ? lift.blog : lift.instance) ? (
            <details>
              <summary>{t("liftTitle")}</summary>
              <form action={lift.action} className="stack">
                <input type="hidden" name="sanctionId" value={sanction.id} />
                <input type="hidden" name="returnTo" value={lift.returnTo} />
                <div className="field">
                  <label htmlFor={`lift-reason-${sanction.id}`}>{t("reasonLabel")}</label>
                  <textarea id={`lift-reason-${sanction.id}`} name="reason" required maxLength={500} rows={2} />
                </div>
                <button type="submit" className="button button--secondary">
                  {t("liftSubmit")}
                </button>
              </form>
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
