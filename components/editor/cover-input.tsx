"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import styles from "./editor.module.css";

/** CoverInput: the cover image file (checked by type and size on the server), with a preview. */
export function CoverInput({ currentUrl, errors }: { currentUrl: string | null; errors?: string[] }) {
  const t = useTranslations("editor");
  const tAll = useTranslations();
  // A data: URL, because the Content-Security-Policy allows no blob: images.
  const [chosen, setChosen] = useState<string | null>(null);
  const shown = chosen ?? currentUrl;
  function onChange(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file || !file.type.startsWith("image/")) return setChosen(null);
    const reader = new FileReader();
    reader.onload = () => setChosen(typeof reader.result === "string" ? reader.result : null);
    reader.readAsDataURL(file);
  }
  return (
    <div className="field">
      <label htmlFor="post-cover">{t("cover")}</label>
      {/* eslint-disable-next-line @next/next/no-img-element -- an upload or a local preview, not an optimizable asset */}
      {shown ? <img src={shown} alt={t("coverPreview")} className={styles.cover} /> : null}
      <input
        id="post-cover"
        name="cover"
        type="file"
        accept="image/png,image/jpeg,image/webp,image/gif"
        onChange={onChange}
        aria-describedby="post-cover-hint"
        aria-invalid={errors?.length ? true : undefined}
      />
      <p id="post-cover-hint" className="field__hint">
        {t("coverHint")}
      </p>
      {errors?.length ? (
        <p className="field__error">{errors.map((key) => (tAll.has(key) ? tAll(key) : key)).join(" ")}</p>
      ) : null}
      {currentUrl ? (
        <label>
          <input type="checkbox" name="removeCover" /> {t("removeCover")}
        </label>
      ) : null}
    </div>
  );
}
