"use client";

import { useTranslations } from "next-intl";
import styles from "./editor.module.css";

type Props = {
  status: "draft" | "scheduled" | "published";
  publishedAt: string | null;
  deleted: boolean;
  scheduleDefault: string;
  timeZone: string;
  errors?: string[];
};

/** PublishControls: where the post stands, and the buttons that publish, schedule, unpublish, delete or restore it. */
export function PublishControls({ status, publishedAt, deleted, scheduleDefault, timeZone, errors }: Props) {
  const t = useTranslations("editor");
  const tAll = useTranslations();
  const where = deleted
    ? t("stateDeleted")
    : status === "published"
      ? t("statePublished", { date: publishedAt ?? "" })
      : status === "scheduled"
        ? t("stateScheduled", { date: publishedAt ?? "" })
        : t("stateDraft");
  return (
    <fieldset className="stack">
      <legend>{t("publication")}</legend>
      <p data-testid="post-state">{where}</p>
      {deleted ? (
        <button type="submit" name="intent" value="restore" className="button">
          {t("restore")}
        </button>
      ) : (
        <>
          <div className={styles.actions}>
            {status !== "published" ? (
              <button type="submit" name="intent" value="publish" className="button">
                {t("publishNow")}
              </button>
            ) : null}
            {status !== "draft" ? (
              <button type="submit" name="intent" value="unpublish" className="button button--secondary">
                {status === "scheduled" ? t("cancelSchedule") : t("unpublish")}
              </button>
            ) : null}
          </div>
          <div className={styles.actions}>
            <div className="field">
              <label htmlFor="post-publish-at">{t("publishAt")}</label>
              <input
                id="post-publish-at"
                name="publishAt"
                type="datetime-local"
                defaultValue={scheduleDefault}
                aria-describedby="post-publish-at-hint post-time-zone"
                aria-invalid={errors?.length ? true : undefined}
              />
              <p id="post-publish-at-hint" className="field__hint">
                {t("publishAtHint")}{" "}
                <span id="post-time-zone" data-testid="time-zone">
                  {t("timeZone", { zone: timeZone })}
                </span>
              </p>
              {errors?.length ? (
                <p className="field__error">{errors.map((key) => (tAll.has(key) ? tAll(key) : key)).join(" ")}</p>
              ) : null}
            </div>
            <button type="submit" name="intent" value="schedule" className="button button--secondary">
              {t("schedule")}
            </button>
          </div>
          <button type="submit" name="intent" value="delete" className="button button--danger">
            {t("delete")}
          </button>
        </>
      )}
    </fieldset>
  );
}
