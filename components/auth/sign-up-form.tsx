"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signUpAction } from "@/app/(auth)/actions";
import { FormMessage } from "@/components/ui/form-message";
import { AccountFields } from "./account-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";

/** SignUpForm: the new account; `from` (a safe path) rides along to the verification link and back. */
export function SignUpForm({ from }: { from: string }) {
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
      <input type="hidden" name="from" value={from} />
      <AccountFields state={state} />
      <SubmitButton>{t("createAccount")}</SubmitButton>
      <p>
        {t("haveAccount")}{" "}
        <Link href={from === "/" ? "/login" : `/login?from=${encodeURIComponent(from)}`}>{t("signIn")}</Link>
      </p>
    </form>
  );
}
