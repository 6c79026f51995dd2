import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getViewer } from "@/lib/auth";
import { safeReturnPath } from "@/lib/security";
import { env } from "@/lib/env.js";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

const notices: Record<string, string> = {
  verified: "verifiedNotice",
  reset: "resetNotice",
  signedOut: "signedOutNotice",
};
const errors: Record<string, string> = {
  Verification: "linkExpired",
  OAuthAccountNotLinked: "accountNotLinked",
  AccessDenied: "accessDenied",
};

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const from = safeReturnPath(params.from ?? params.callbackUrl);
  if (await getViewer()) redirect(from);
  const t = await getTranslations("auth");
  const notice = Object.keys(notices).find((key) => params[key] === "1");
  const error = typeof params.error === "string" ? (errors[params.error] ?? "signInFailed") : null;
  return (
    <div className="narrow">
      <h1>{t("signInTitle")}</h1>
      {notice ? (
        <p className="form-message form-message--ok" role="status">
          {t(notices[notice]!)}
        </p>
      ) : null}
      {error ? (
        <p className="form-message form-message--error" role="status">
          {t(error)}
        </p>
      ) : null}
      <SignInForm from={from} github={Boolean(env.GITHUB_ID && env.GITHUB_SECRET)} />
    </div>
  );
}
