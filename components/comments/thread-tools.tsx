import { getTranslations } from "next-intl/server";
import { SLOW_MODE_CHOICES } from "@/lib/moderation";
import { ActForm } from "./act-form";
import styles from "./discussion.module.css";

type Props = { postId: string; path: string; locked: boolean; slowModeSeconds: number | null };

/** ThreadTools: the article's discussion tools for its moderators: lock / unlock and slow mode. */
export async function ThreadTools({ postId, path, locked, slowModeSeconds }: Props) {
  const t = await getTranslations("moderationThread");
  const hidden = { postId, path };
  const choices: number[] = [...SLOW_MODE_CHOICES];
  if (slowModeSeconds && !choices.includes(slowModeSeconds)) choices.push(slowModeSeconds);
  return (
    <details className={`${styles.confirm} ${styles.tools}`}>
      <summary className={styles.action}>{t("threadTools")}</summary>
      <div className={styles.toolPanel}>
        <ActForm act={locked ? "unlock" : "lock"} hidden={hidden}>
          <button type="submit" className={locked ? "button" : "button button--secondary"}>
            {locked ? t("unlock") : t("lock")}
          </button>
        </ActForm>
        <ActForm act="slow" hidden={hidden}>
          <label>
            {t("slowMode")}
            <select name="seconds" defaultValue={slowModeSeconds ? String(slowModeSeconds) : ""}>
              <option value="">{t("slowModeOff")}</option>
              {choices.map((seconds) => (
                <option key={seconds} value={String(seconds)}>
                  {t("interval", { seconds: String(seconds) })}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button button--secondary">
            {t("apply")}
          </button>
        </ActForm>
      </div>
    </details>
  );
}
