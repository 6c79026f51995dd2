import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SetupForm } from "@/components/auth/setup-form";
import { announceSetupCode, needsSetup } from "@/lib/setup";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("setup"))("title") };
}

export default async function SetupPage() {
  if (!(await needsSetup())) notFound();
  await announceSetupCode();
  const t = await getTranslations("setup");
  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <SetupForm />
    </div>
  );
}
