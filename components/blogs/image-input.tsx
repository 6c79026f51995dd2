"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import styles from "./blogs-admin.module.css";

type Props = {
  name: string;
  removeName: string;
  label: string;
  hint: string;
  currentUrl: string | null;
  currentAlt: string;
  removeLabel: string;
  errors?: string[];
  wide?: boolean;
};

/** ImageInput: a file input for an image, with the current one shown and a box to remove it. */
export function ImageInput({
  name,
  removeName,
  label,
  hint,
  currentUrl,
  currentAlt,
  removeLabel,
  errors,
  wide,
}: Props) {
  const t = useTranslations();
  const id = useId();
  const describedBy = [`${id}-hint`, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {currentUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- uploads are already sized and served as files
        <img src={currentUrl} alt={currentAlt} className={wide ? styles.previewWide : styles.preview} />
      ) : null}
      <input
        id={id}
        name={name}
        type="file"
        accept="image/png,image/jpeg,image/webp,image/gif"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
      />
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
      {errors?.length ? (
        <p id={`${id}-error`} className="field__error">
          {errors.map((key) => (t.has(key) ? t(key) : key)).join(" ")}
        </p>
      ) : null}
      {currentUrl ? (
        <label className={styles.checkbox}>
          <input type="checkbox" name={removeName} /> {removeLabel}
        </label>
      ) : null}
    </div>
  );
}
