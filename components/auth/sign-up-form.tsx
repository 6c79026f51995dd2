"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signUpAction } from "@/app/(auth)/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";

export function SignUpForm() {
  const t = useTranslations("auth");
  const [state, action] = useActionState(signUpAction, initialFormState);
  if (state.ok) {
    return (
      <div role="status" className="notice">
        <h2>{t("checkInbox")}</h2>
        <p>{t("verificationSent", { email: state.data?.email ?? "" })}</p>
      </div>
    );
  }
  const errors = state.fieldErrors ?? {};
  const value = (name: string) => state.values?.[name];
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
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
      <SubmitButton>{t("createAccount")}</SubmitButton>
      <p>
        {t("haveAccount")} <Link href="/login">{t("signIn")}</Link>
      </p>
    </form>
  );
}
