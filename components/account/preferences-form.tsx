"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { preferencesAction } from "@/app/(account)/settings/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";
import styles from "./account.module.css";

type Prefs = Record<string, { inApp: boolean; email: boolean }>;

export function PreferencesForm({ preferences }: { preferences: Prefs }) {
  const t = useTranslations("settings");
  const [state, action] = useActionState(preferencesAction, initialFormState);
  return (
    <form action={action} className="stack" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">{t("notifications")}</h2>
      <FormMessage state={state} success={t("saved")} />
      <table className={styles.prefs}>
        <thead>
          <tr>
            <th scope="col">{t("notifyWhen")}</th>
            <th scope="col">{t("inApp")}</th>
            <th scope="col">{t("byEmail")}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(preferences).map(([kind, pref]) => (
            <tr key={kind}>
              <th scope="row">{t(`kind.${kind}`)}</th>
              <td>
                <input
                  type="checkbox"
                  name={`${kind}.inApp`}
                  defaultChecked={pref.inApp}
                  aria-label={`${t(`kind.${kind}`)} — ${t("inApp")}`}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  name={`${kind}.email`}
                  defaultChecked={pref.email}
                  aria-label={`${t(`kind.${kind}`)} — ${t("byEmail")}`}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <SubmitButton>{t("savePreferences")}</SubmitButton>
    </form>
  );
}
