"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { adminCreateBlogAction } from "@/app/(write)/admin/actions";
import { createBlogAction } from "@/app/(write)/write/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { SelectField } from "./select-field";

/**
 * CreateBlogForm: name, address, language and tagline of a new blog. With `forSomeone` (the
 * admin page) it also asks for the owner's handle and stays on the page after creating.
 */
export function CreateBlogForm({ forSomeone = false, locale }: { forSomeone?: boolean; locale: string }) {
  const t = useTranslations("blogsAdmin");
  const [state, action] = useActionState(forSomeone ? adminCreateBlogAction : createBlogAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="stack" noValidate aria-labelledby="create-blog-heading">
      <h2 id="create-blog-heading">{forSomeone ? t("createForSomeone") : t("newBlogDetails")}</h2>
      <FormMessage state={state} />
      {state.ok && state.data?.slug ? (
        <p className="form-message form-message--ok" role="status">
          {t("blogCreated")} <Link href={`/write/${state.data.slug}/settings`}>{t("openSettings")}</Link>
        </p>
      ) : null}
      <Field name="name" label={t("name")} defaultValue={values.name} maxLength={80} required errors={errors.name} />
      <Field
        name="slug"
        label={t("slug")}
        hint={t("slugHint")}
        defaultValue={values.slug}
        maxLength={60}
        required
        errors={errors.slug}
      />
      <SelectField
        name="language"
        label={t("language")}
        defaultValue={values.language ?? locale}
        options={[
          { value: "fr", label: t("languageFr") },
          { value: "en", label: t("languageEn") },
        ]}
        errors={errors.language}
      />
      <Field
        name="tagline"
        label={t("tagline")}
        hint={t("taglineHint")}
        defaultValue={values.tagline}
        maxLength={140}
        errors={errors.tagline}
      />
      {forSomeone ? (
        <Field
          name="ownerHandle"
          label={t("ownerHandle")}
          hint={t("ownerHandleHint")}
          defaultValue={values.ownerHandle}
          maxLength={31}
          errors={errors.ownerHandle}
        />
      ) : null}
      <SubmitButton>{t("createBlog")}</SubmitButton>
    </form>
  );
}
