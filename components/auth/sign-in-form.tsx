"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/ui/field";

type Props = { from: string; github: boolean };
type Outcome = { kind: "error"; key: string; minutes?: number } | { kind: "sent" } | null;

// next-auth answers authorize() failures with the thrown message; map them to i18n keys.
function outcomeOf(error: string): Outcome {
  const [code, seconds] = error.split(":");
  if (code === "RATE_LIMITED")
    return { kind: "error", key: "rateLimited", minutes: Math.ceil(Number(seconds || 60) / 60) };
  if (code === "EMAIL_NOT_VERIFIED") return { kind: "error", key: "notVerified" };
  if (code === "DEMO_DISABLED") return { kind: "error", key: "demoDisabled" };
  return { kind: "error", key: "invalidCredentials" };
}

export function SignInForm({ from, github }: Props) {
  const t = useTranslations("auth");
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  async function withPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setBusy(false);
    if (result?.ok && !result.error) window.location.assign(from);
    else setOutcome(outcomeOf(result?.error ?? ""));
  }

  async function withLink(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    setBusy(true);
    const result = await signIn("email", { email, redirect: false, callbackUrl: from });
    setBusy(false);
    setOutcome(result?.error ? { kind: "error", key: "linkFailed" } : { kind: "sent" });
  }

  return (
    <div className="stack">
      <div aria-live="polite" role="status">
        {outcome?.kind === "error" ? (
          <p className="form-message form-message--error">{t(outcome.key, { minutes: outcome.minutes ?? 1 })}</p>
        ) : null}
        {outcome?.kind === "sent" ? <p className="form-message form-message--ok">{t("linkSent")}</p> : null}
      </div>
      <form onSubmit={withPassword} className="stack" aria-labelledby="password-heading">
        <h2 id="password-heading">{t("withPassword")}</h2>
        <Field name="email" id="signin-email" label={t("email")} type="email" autoComplete="email" required />
        <Field
          name="password"
          id="signin-password"
          label={t("password")}
          type="password"
          autoComplete="current-password"
          required
        />
        <button type="submit" className="button" disabled={busy}>
          {t("signIn")}
        </button>
        <p>
          <Link href="/reset-password">{t("forgotPassword")}</Link> ·{" "}
          <Link href={from === "/" ? "/signup" : `/signup?from=${encodeURIComponent(from)}`}>{t("createAccount")}</Link>
        </p>
      </form>
      <form onSubmit={withLink} className="stack" aria-labelledby="link-heading">
        <h2 id="link-heading">{t("withLink")}</h2>
        <Field name="email" id="link-email" label={t("email")} type="email" autoComplete="email" required />
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t("sendLink")}
        </button>
      </form>
      {github ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => signIn("github", { callbackUrl: from })}
        >
          {t("withGitHub")}
        </button>
      ) : null}
    </div>
  );
}
