"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { updateBlogSettingsAction } from "@/app/(write)/write/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { BlogSettings } from "@/lib/blogs";
import { initialFormState } from "@/lib/forms";
import { DiscussionRulesFields } from "./discussion-rules-fields";
import { ImageInput } from "./image-input";
import { SelectField } from "./select-field";
import styles from "./blogs-admin.module.css";

/** BlogSettingsForm: the blog's identity (name, address, tagline, colour, logo, header) and its settings. */
export function BlogSettingsForm({
  blog,
  justSaved = false,
  spamCheckAvailable = false,
}: {
  blog: BlogSettings;
  justSaved?: boolean;
  spamCheckAvailable?: boolean;
}) {
  const t = useTranslations("blogsAdmin");
  const [state, action] = useActionState(updateBlogSettingsAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  // After a refused save, the form shows what was typed; otherwise what is stored.
  const typed = !state.ok ? state.values : undefined;
  const text = (name: keyof BlogSettings) => typed?.[name] ?? String(blog[name] ?? "");
  const checked = (name: "allowGuestComments" | "frenchTypography") => (typed ? typed[name] === "on" : blog[name]);
  const shown = state.message || state.ok ? state : justSaved ? { ok: true } : state;
  return (
    <form action={action} className="stack" noValidate aria-labelledby="blog-settings-heading">
      <h2 id="blog-settings-heading">{t("identity")}</h2>
      <FormMessage state={shown} success={t("saved")} />
      <input type="hidden" name="blogId" value={blog.id} />
      <input type="hidden" name="currentSlug" value={blog.slug} />
      <Field name="name" label={t("name")} defaultValue={text("name")} maxLength={80} required errors={errors.name} />
      <Field
        name="slug"
        label={t("slug")}
        hint={t("slugChangeHint")}
        defaultValue={text("slug")}
        maxLength={60}
        required
        errors={errors.slug}
      />
      <Field
        name="tagline"
        label={t("tagline")}
        hint={t("taglineHint")}
        defaultValue={text("tagline")}
        maxLength={140}
        errors={errors.tagline}
      />
      <Field
        name="description"
        label={t("description")}
        hint={t("descriptionHint")}
        defaultValue={text("description")}
        maxLength={1000}
        multiline
        errors={errors.description}
      />
      <div className={styles.colorRow}>
        <Field
          name="accentColor"
          label={t("accentColor")}
          hint={t("accentColorHint")}
          defaultValue={text("accentColor")}
          placeholder="#1d4ed8"
          maxLength={7}
          errors={errors.accentColor}
        />
        {blog.accentColor ? (
          <span className={styles.swatch} style={{ background: blog.accentColor }} aria-hidden="true" />
        ) : null}
      </div>
      <ImageInput
        name="logo"
        removeName="removeLogo"
        label={t("logo")}
        hint={t("logoHint")}
        currentUrl={blog.logoUrl}
        currentAlt={t("currentLogo")}
        removeLabel={t("removeLogo")}
        errors={errors.logo}
      />
      <ImageInput
        name="headerImage"
        removeName="removeHeaderImage"
        label={t("headerImage")}
        hint={t("headerImageHint")}
        currentUrl={blog.headerImageUrl}
        currentAlt={t("currentHeaderImage")}
        removeLabel={t("removeHeaderImage")}
        errors={errors.headerImage}
        wide
      />
      <h2>{t("readingAndComments")}</h2>
      <SelectField
        name="language"
        label={t("language")}
        hint={t("languageHint")}
        defaultValue={text("language")}
        options={[
          { value: "fr", label: t("languageFr") },
          { value: "en", label: t("languageEn") },
        ]}
        errors={errors.language}
      />
      <label className={styles.checkbox}>
        <input type="checkbox" name="frenchTypography" defaultChecked={checked("frenchTypography")} />{" "}
        {t("frenchTypography")}
      </label>
      <SelectField
        name="commentPolicy"
        label={t("commentPolicy")}
        defaultValue={text("commentPolicy")}
        options={[
          { value: "open", label: t("commentPolicyOpen") },
          { value: "members", label: t("commentPolicyMembers") },
          { value: "closed", label: t("commentPolicyClosed") },
        ]}
        errors={errors.commentPolicy}
      />
      <label className={styles.checkbox}>
        <input type="checkbox" name="allowGuestComments" defaultChecked={checked("allowGuestComments")} />{" "}
        {t("allowGuestComments")}
      </label>
      <DiscussionRulesFields blog={blog} typed={typed} errors={errors} spamCheckAvailable={spamCheckAvailable} />
      <SubmitButton>{t("saveSettings")}</SubmitButton>
    </form>
  );
}
