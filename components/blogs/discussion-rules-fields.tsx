"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import type { BlogSettings } from "@/lib/blogs";
import styles from "./blogs-admin.module.css";

type Props = {
  blog: BlogSettings;
  /** What was typed, after a refused save (so nothing is lost); otherwise the stored values show. */
  typed?: Record<string, string>;
  errors: Record<string, string[]>;
  /** Whether the instance has a spam service (AKISMET_KEY and AKISMET_URL). */
  spamCheckAvailable: boolean;
};

/**
 * DiscussionRulesFields: the blog's discussion rules inside its settings form. Each checkbox
 * follows a hidden "off" of the same name, so an unticked box is sent (the last value counts).
 */
export function DiscussionRulesFields({ blog, typed, errors, spamCheckAvailable }: Props) {
  const t = useTranslations("moderationRules");
  const text = (name: keyof BlogSettings) => typed?.[name] ?? String(blog[name] ?? "");
  const checked = (name: "holdUntilApproved" | "spamCheck") => (typed ? typed[name] === "on" : blog[name]);
  return (
    <section className="stack" aria-labelledby="discussion-rules-heading">
      <h2 id="discussion-rules-heading">{t("title")}</h2>
      <p id="discussion-rules-intro" className="field__hint">
        {t("intro")}
      </p>
      <input type="hidden" name="holdUntilApproved" value="off" />
      <label className={styles.checkbox}>
        <input type="checkbox" name="holdUntilApproved" defaultChecked={checked("holdUntilApproved")} />{" "}
        {t("holdUntilApproved")}
      </label>
      <Field
        name="holdLinkLimit"
        label={t("holdLinkLimit")}
        hint={t("holdLinkLimitHint")}
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        defaultValue={text("holdLinkLimit")}
        errors={errors.holdLinkLimit}
      />
      <Field
        name="holdWords"
        label={t("holdWords")}
        hint={t("holdWordsHint")}
        multiline
        defaultValue={text("holdWords")}
        errors={errors.holdWords}
      />
      <Field
        name="rejectWords"
        label={t("rejectWords")}
        hint={t("rejectWordsHint")}
        multiline
        defaultValue={text("rejectWords")}
        errors={errors.rejectWords}
      />
      <Field
        name="closeAfterDays"
        label={t("closeAfterDays")}
        hint={t("closeAfterDaysHint")}
        type="number"
        inputMode="numeric"
        min={1}
        max={3650}
        defaultValue={text("closeAfterDays")}
        errors={errors.closeAfterDays}
      />
      <Field
        name="reportThreshold"
        label={t("reportThreshold")}
        hint={t("reportThresholdHint")}
        type="number"
        inputMode="numeric"
        min={1}
        max={50}
        required
        defaultValue={text("reportThreshold")}
        errors={errors.reportThreshold}
      />
      <input type="hidden" name="spamCheck" value="off" />
      <label className={styles.checkbox}>
        <input
          type="checkbox"
          name="spamCheck"
          defaultChecked={checked("spamCheck")}
          aria-describedby="spam-check-hint"
        />{" "}
        {t("spamCheck")}
      </label>
      <p id="spam-check-hint" className="field__hint">
        {spamCheckAvailable ? t("spamCheckHint") : t("spamCheckUnavailable")}
      </p>
      <Field
        name="commentsPerPage"
        label={t("commentsPerPage")}
        hint={t("commentsPerPageHint")}
        type="number"
        inputMode="numeric"
        min={5}
        max={500}
        required
        defaultValue={text("commentsPerPage")}
        errors={errors.commentsPerPage}
      />
    </section>
  );
}
