"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { updateProfileAction } from "@/app/(account)/settings/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";

type Props = { handle: string; name: string; bio: string | null; links: { label: string; url: string }[] };

export function ProfileForm({ handle, name, bio, links }: Props) {
  const t = useTranslations("settings");
  const [state, action] = useActionState(updateProfileAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const rows = [...links, ...Array.from({ length: Math.max(0, 3 - links.length) }, () => ({ label: "", url: "" }))];
  return (
    <form action={action} className="stack" noValidate aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t("profile")}</h2>
      <FormMessage state={state} success={t("saved")} />
      <Field name="name" label={t("name")} defaultValue={name} maxLength={60} required errors={errors.name} />
      <Field
        name="handle"
        label={t("handle")}
        hint={t("handleHint")}
        defaultValue={handle}
        maxLength={30}
        required
        errors={errors.handle}
      />
      <Field
        name="bio"
        label={t("bio")}
        hint={t("bioHint")}
        defaultValue={bio ?? ""}
        maxLength={500}
        multiline
        errors={errors.bio}
      />
      <fieldset className="stack">
        <legend>{t("links")}</legend>
        {rows.slice(0, 5).map((link, i) => (
          <div className="field-row" key={i}>
            <Field
              name={`link.${i}.label`}
              label={t("linkLabel", { n: i + 1 })}
              defaultValue={link.label}
              maxLength={40}
            />
            <Field
              name={`link.${i}.url`}
              label={t("linkUrl", { n: i + 1 })}
              type="url"
              defaultValue={link.url}
              maxLength={300}
            />
          </div>
        ))}
        {errors.links ? <p className="field__error">{t("linksInvalid")}</p> : null}
      </fieldset>
      <SubmitButton>{t("saveProfile")}</SubmitButton>
    </form>
  );
}
