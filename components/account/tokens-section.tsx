"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { createTokenAction, revokeTokenAction } from "@/app/(account)/settings/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms";
import styles from "./account.module.css";

type Token = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export function TokensSection({ tokens }: { tokens: Token[] }) {
  const t = useTranslations("settings");
  const format = useFormatter();
  const [state, action] = useActionState(createTokenAction, initialFormState);
  return (
    <section className="stack" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t("tokens")}</h2>
      <p>{t("tokensIntro")}</p>
      {state.ok && state.data?.token ? (
        <div className="notice" role="status">
          <p>{t("tokenOnce")}</p>
          <code className={styles.token} data-testid="new-token">
            {state.data.token}
          </code>
        </div>
      ) : null}
      <form action={action} className="stack" noValidate>
        <FormMessage state={state} />
        <Field name="name" label={t("tokenName")} maxLength={60} errors={state.fieldErrors?.name} />
        <SubmitButton>{t("createToken")}</SubmitButton>
      </form>
      {tokens.length ? (
        <ul className={styles.tokenList}>
          {tokens.map((token) => (
            <li key={token.id}>
              <strong>{token.name}</strong> <code>{token.prefix}…</code>{" "}
              <span className="meta">
                {t("tokenCreated", { date: format.dateTime(token.createdAt, { dateStyle: "medium" }) })}
                {token.lastUsedAt
                  ? ` · ${t("tokenUsed", { date: format.dateTime(token.lastUsedAt, { dateStyle: "medium" }) })}`
                  : ""}
              </span>{" "}
              {token.revokedAt ? (
                <span className="meta">{t("tokenRevoked")}</span>
              ) : (
                <form action={revokeTokenAction} className="inline-form">
                  <input type="hidden" name="id" value={token.id} />
                  <button type="submit" className="link-button" aria-label={t("revokeNamed", { name: token.name })}>
                    {t("revoke")}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
