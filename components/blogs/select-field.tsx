"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";

type Props = {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  hint?: string;
  errors?: string[];
};

/** SelectField: a labelled <select> with the same hint and error wiring as Field. */
export function SelectField({ name, label, options, defaultValue, hint, errors }: Props) {
  const t = useTranslations();
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy || undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
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
