"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { deleteAccountAction, signOutEverywhereAction } from "@/app/(account)/settings/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";
import styles from "./account.module.css";

export function DangerZone({ handle }: { handle: string }) {
  const t = useTranslations("settings");
  const [state, action] = useActionState(deleteAccountAction, initialFormState);
  return (
    <section className="stack" aria-labelledby="account-heading">
      <h2 id="account-heading">{t("account")}</h2>
      <p>
        <a href="/settings/export" download>
          {t("export")}
        </a>
      </p>
      <form action={signOutEverywhereAction}>
        <SubmitButton className="button button--secondary">{t("signOutEverywhere")}</SubmitButton>
      </form>
      <form action={action} className={`stack ${styles.danger}`} noValidate>
        <h3>{t("deleteAccount")}</h3>
        <p>{t("deleteExplain")}</p>
        <FormMessage state={state} />
        <Field
          name="confirm"
          label={t("deleteConfirm", { handle })}
          autoComplete="off"
          errors={state.fieldErrors?.confirm}
        />
        <SubmitButton className="button button--danger">{t("deleteAccount")}</SubmitButton>
      </form>
    </section>
  );
}
