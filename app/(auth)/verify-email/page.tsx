import { getTranslations } from "next-intl/server";
import { VerifyEmailForm } from "@/components/auth/token-forms";

type Props = { searchParams: Promise<{ token?: string | string[] }> };

export default async function VerifyEmailPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <div className="narrow">
      <h1>{t("verifyTitle")}</h1>
      {typeof token === "string" && token ? <VerifyEmailForm token={token} /> : <p>{t("linkExpired")}</p>}
    </div>
  );
}
