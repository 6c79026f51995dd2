"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { requestResetAction, resetPasswordAction, verifyEmailAction } from "@/app/(auth)/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";

/** VerifyEmailForm: one button; confirming is a POST so link scanners in mailboxes do not consume it. */
export function VerifyEmailForm({ token, from }: { token: string; from: string }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(verifyEmailAction, initialFormState);
  return (
    <form action={action} className="stack">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="from" value={from} />
      <SubmitButton>{t("confirmEmail")}</SubmitButton>
    </form>
  );
}

export function RequestResetForm() {
  const t = useTranslations("auth");
  const [state, action] = useActionState(requestResetAction, initialFormState);
  if (state.ok) {
    return (
      <p className="form-message form-message--ok" role="status">
        {t("resetSent")}
      </p>
    );
  }
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <Field
        name="email"
        label={t("email")}
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <SubmitButton>{t("sendResetLink")}</SubmitButton>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(resetPasswordAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <Field
        name="password"
        label={t("newPassword")}
        hint={t("passwordHint")}
        type="password"
        autoComplete="new-password"
        required
        errors={errors.password}
      />
      <Field
        name="confirm"
        label={t("confirmPassword")}
        type="password"
        autoComplete="new-password"
        required
        errors={errors.confirm}
      />
      <SubmitButton>{t("setPassword")}</SubmitButton>
    </form>
  );
}
