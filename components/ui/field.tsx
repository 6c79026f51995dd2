"use client";

import { useTranslations } from "next-intl";
import { useId, type InputHTMLAttributes } from "react";

type Props = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  multiline?: boolean;
};

/** Field: a labelled input whose errors (i18n keys) are announced and tied to it with aria-describedby. */
export function Field({ name, label, hint, errors, multiline, id: givenId, ...input }: Props) {
  const t = useTranslations();
  // Several forms on one page may have a field of the same name: ids must stay unique.
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  const common = {
    id,
    name,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": describedBy || undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          {...common}
          defaultValue={input.defaultValue as string | undefined}
          maxLength={input.maxLength}
          rows={4}
        />
      ) : (
        <input {...common} {...input} />
      )}
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="field__error">
          {errors.map((key) => (t.has(key) ? t(key) : key)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
