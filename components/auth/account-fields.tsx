"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import type { FormState } from "@/lib/forms";

/** AccountFields: name, handle, email and a new password, as sign-up and the first set-up ask them. */
export function AccountFields({ state }: { state: FormState }) {
  const t = useTranslations("auth");
  const errors = state.fieldErrors ?? {};
  const value = (name: string) => state.values?.[name];
  return (
    <>
      <Field
        name="name"
        label={t("name")}
        autoComplete="name"
        required
        maxLength={60}
        defaultValue={value("name")}
        errors={errors.name}
      />
      <Field
        name="handle"
        label={t("handle")}
        hint={t("handleHint")}
        autoComplete="username"
        required
        maxLength={30}
        defaultValue={value("handle")}
        errors={errors.handle}
      />
      <Field
        name="email"
        label={t("email")}
        type="email"
        autoComplete="email"
        required
        defaultValue={value("email")}
        errors={errors.email}
      />
      <Field
        name="password"
        label={t("password")}
        hint={t("passwordHint")}
        type="password"
        autoComplete="new-password"
        required
        errors={errors.password}
      />
    </>
  );
}
