"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { setupAction } from "@/app/(auth)/setup/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { AccountFields } from "./account-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";

export function SetupForm() {
  const t = useTranslations("setup");
  const [state, action] = useActionState(setupAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const value = (name: string) => state.values?.[name];
  return (
    <form action={action} className="stack" noValidate>
      <FormMessage state={state} />
      <Field
        name="code"
        label={t("code")}
        hint={t("codeHint")}
        autoComplete="off"
        required
        defaultValue={value("code")}
        errors={errors.code}
      />
      <fieldset className="stack">
        <legend>{t("admin")}</legend>
        <AccountFields state={state} />
      </fieldset>
      <fieldset className="stack">
        <legend>{t("blog")}</legend>
        <Field
          name="blogName"
          label={t("blogName")}
          required
          defaultValue={value("blogName")}
          errors={errors.blogName}
        />
        <Field
          name="blogSlug"
          label={t("blogSlug")}
          hint={t("blogSlugHint")}
          required
          defaultValue={value("blogSlug")}
          errors={errors.blogSlug}
        />
        <div className="field">
          <label htmlFor="field-blogLanguage">{t("blogLanguage")}</label>
          <select id="field-blogLanguage" name="blogLanguage" defaultValue={value("blogLanguage") ?? "fr"}>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </div>
      </fieldset>
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
