"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { setupAction } from "@/app/(auth)/setup/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";

export function SetupForm() {
  const t = useTranslations("setup");
  const auth = useTranslations("auth");
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
        <Field name="name" label={auth("name")} required defaultValue={value("name")} errors={errors.name} />
        <Field
          name="handle"
          label={auth("handle")}
          hint={auth("handleHint")}
          required
          defaultValue={value("handle")}
          errors={errors.handle}
        />
        <Field
          name="email"
          label={auth("email")}
          type="email"
          required
          defaultValue={value("email")}
          errors={errors.email}
        />
        <Field
          name="password"
          label={auth("password")}
          hint={auth("passwordHint")}
          type="password"
          autoComplete="new-password"
          required
          errors={errors.password}
        />
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
