"use client";

import { useFormatter, useTranslations } from "next-intl";
import styles from "./editor.module.css";
import type { SaveStatus } from "./use-autosave";

/** SaveStatusLine: "Saving…", "Saved at 14:02", "Unsaved changes" or an error, announced politely. */
export function SaveStatusLine({ status }: { status: SaveStatus }) {
  const t = useTranslations("editor");
  const tAll = useTranslations();
  const format = useFormatter();
  const text =
    status.kind === "saving"
      ? t("statusSaving")
      : status.kind === "saved"
        ? t("statusSaved", {
            time: format.dateTime(status.at ? new Date(status.at) : new Date(), { timeStyle: "short" }),
          })
        : status.kind === "dirty"
          ? t("statusDirty")
          : status.kind === "error"
            ? `${t("statusError")}${status.message && tAll.has(status.message) ? ` ${tAll(status.message)}` : ""}`
            : "";
  return (
    <p
      className={`${styles.status} ${status.kind === "error" ? styles.statusError : ""}`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
    >
      {text}
    </p>
  );
}
