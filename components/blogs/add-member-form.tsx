"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { addMemberAction } from "@/app/(write)/write/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";
import { SelectField } from "./select-field";

/** AddMemberForm: gives a role on the blog to a person found by their handle. */
export function AddMemberForm({ blogId }: { blogId: string }) {
  const t = useTranslations("blogsAdmin");
  const [state, action] = useActionState(addMemberAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="stack" noValidate aria-labelledby="add-member-heading">
      <h2 id="add-member-heading">{t("addMember")}</h2>
      <FormMessage state={state} success={t("memberAdded")} />
      <input type="hidden" name="blogId" value={blogId} />
      <Field
        name="handle"
        label={t("handle")}
        hint={t("handleHint")}
        defaultValue={values.handle}
        maxLength={31}
        required
        errors={errors.handle}
      />
      <SelectField
        name="role"
        label={t("role")}
        defaultValue={values.role ?? "author"}
        options={[
          { value: "author", label: t("roles.author") },
          { value: "moderator", label: t("roles.moderator") },
          { value: "owner", label: t("roles.owner") },
        ]}
        hint={t("rolesHint")}
        errors={errors.role}
      />
      <SubmitButton>{t("addMemberButton")}</SubmitButton>
    </form>
  );
}
