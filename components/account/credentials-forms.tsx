"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changeEmailAction, changePasswordAction } from "@/app/(account)/settings/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";

export function EmailForm({ email, pendingEmail }: { email: string | null; pendingEmail: string | null }) {
  const t = useTranslations("settings");
  const [state, action] = useActionState(changeEmailAction, initialFormState);
  return (
    <form action={action} className="stack" noValidate aria-labelledby="email-heading">
      <h2 id="email-heading">{t("email")}</h2>
      <p>{t("currentEmail", { email: email ?? "—" })}</p>
      {pendingEmail && !state.ok ? <p>{t("pendingEmail", { email: pendingEmail })}</p> : null}
      <FormMessage state={state} success={t("emailSent", { email: state.data?.email ?? "" })} />
      <Field
        name="email"
        label={t("newEmail")}
        type="email"
        autoComplete="email"
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <SubmitButton>{t("changeEmail")}</SubmitButton>
    </form>
  );
}

export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const t = useTranslations("settings");
  const [state, action] = useActionState(changePasswordAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="stack" noValidate aria-labelledby="password-heading">
      <h2 id="password-heading">{t("password")}</h2>
      <FormMessage state={state} success={t("passwordChanged")} />
      {hasPassword ? (
        <Field
          name="current"
          label={t("currentPassword")}
          type="password"
          autoComplete="current-password"
          errors={errors.current}
        />
      ) : (
        <input type="hidden" name="current" value="" />
      )}
      <Field
        name="password"
        label={t("newPassword")}
        type="password"
        autoComplete="new-password"
        errors={errors.password}
      />
      <Field
        name="confirm"
        label={t("confirmPassword")}
        type="password"
        autoComplete="new-password"
        errors={errors.confirm}
      />
      <SubmitButton>{t("changePassword")}</SubmitButton>
    </form>
  );
}
