import { getTranslations } from "next-intl/server";
import { SUSPENSION_PRESETS } from "@/lib/moderation";
import styles from "./sanctions.module.css";

type Props = {
  action: (form: FormData) => Promise<void>;
  userId: string;
  blogId: string;
  returnTo: string;
  personName: string;
  /** Admins may also act on the whole instance ("only": the instance page, no blog). */
  instance: boolean | "only";
};

/**
 * SanctionForms: warn, suspend and ban, each with its reason (shown to the person). Suspending
 * and banning ask for an explicit confirmation (a required box), so a slip of the keyboard
 * cannot sanction anyone. Plain forms: they work without JavaScript.
 */
export async function SanctionForms({ action, userId, blogId, returnTo, personName, instance }: Props) {
  const t = await getTranslations("sanctions");
  const kinds = [
    { kind: "warning", title: t("warnTitle"), submit: t("warnSubmit"), danger: false },
    { kind: "suspension", title: t("suspendTitle"), submit: t("suspendSubmit"), danger: true },
    { kind: "ban", title: t("banTitle"), submit: t("banSubmit"), danger: true },
  ] as const;
  return (
    <div className={styles.grid}>
      {kinds.map(({ kind, title, submit, danger }) => (
        <form key={kind} action={action} className="stack notice" aria-labelledby={`sanction-${kind}`}>
          <h3 id={`sanction-${kind}`}>{title}</h3>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="blogId" value={blogId} />
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="returnTo" value={returnTo} />
          {instance === "only" ? (
            <input type="hidden" name="scope" value="instance" />
          ) : instance ? (
            <div className="field">
              <label htmlFor={`scope-${kind}`}>{t("scopeLabel")}</label>
              <select id={`scope-${kind}`} name="scope" defaultValue="blog">
                <option value="blog">{t("scopeBlog")}</option>
                <option value="instance">{t("scopeInstance")}</option>
              </select>
            </div>
          ) : null}
          {kind === "suspension" ? (
            <div className="field">
              <label htmlFor="suspension-duration">{t("durationLabel")}</label>
              <select id="suspension-duration" name="duration" defaultValue="7d">
                {SUSPENSION_PRESETS.map((preset) => (
                  <option key={preset} value={preset}>
                    {t("duration", { unit: preset.slice(-1), count: Number(preset.slice(0, -1)) })}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={`reason-${kind}`}>{t("reasonLabel")}</label>
            <textarea id={`reason-${kind}`} name="reason" required maxLength={500} rows={3} />
            <p className="field__hint">{t("reasonHint")}</p>
          </div>
          {danger ? (
            <label className={styles.confirm}>
              <input type="checkbox" name="confirm" value="1" required />
              <span>{t("confirm", { kind, name: personName })}</span>
            </label>
          ) : null}
          <button type="submit" className={`button ${danger ? "button--danger" : "button--secondary"}`}>
            {submit}
          </button>
        </form>
      ))}
    </div>
  );
}
