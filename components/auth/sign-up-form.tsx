"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signUpAction } from "@/app/(auth)/actions";
import { FormMessage } from "@/components/ui/form-message";
import { AccountFields } from "./account-fields";
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
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <AccountFields state={state} />
      <SubmitButton>{t("createAccount")}</SubmitButton>
      <p>
        {t("haveAccount")} <Link href="/login">{t("signIn")}</Link>
      </p>
    </form>
  );
}
