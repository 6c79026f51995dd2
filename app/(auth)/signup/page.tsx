import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getViewer } from "@/lib/auth";
import { safeReturnPath } from "@/lib/security";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signUpTitle") };
}

export default async function SignUpPage({ searchParams }: Props) {
  const from = safeReturnPath((await searchParams).from);
  if (await getViewer()) redirect(from);
  const t = await getTranslations("auth");
  return (
    <div className="narrow">
      <h1>{t("signUpTitle")}</h1>
      <SignUpForm from={from} />
    </div>
  );
}
