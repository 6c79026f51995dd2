"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { setOpenBlogCreationAction } from "@/app/(write)/admin/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";
import styles from "./blogs-admin.module.css";

/** OpenCreationForm: the admin's switch letting any signed-in person open a blog. */
export function OpenCreationForm({ open }: { open: boolean }) {
  const t = useTranslations("blogsAdmin");
  const [state, action] = useActionState(setOpenBlogCreationAction, initialFormState);
  return (
    <form action={action} className="stack" aria-labelledby="open-creation-heading">
      <h2 id="open-creation-heading">{t("openCreationTitle")}</h2>
      <FormMessage state={state} success={t("saved")} />
      <label className={styles.checkbox}>
        <input type="checkbox" name="open" defaultChecked={open} /> {t("openCreationLabel")}
      </label>
      <p className="field__hint">{t("openCreationHint")}</p>
      <SubmitButton>{t("save")}</SubmitButton>
    </form>
  );
}
