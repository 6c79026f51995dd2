import { getTranslations } from "next-intl/server";
import { VerifyEmailForm } from "@/components/auth/token-forms";
import { safeReturnPath } from "@/lib/security";

type Props = { searchParams: Promise<{ token?: string | string[]; from?: string | string[] }> };

export default async function VerifyEmailPage({ searchParams }: Props) {
  const { token, from } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <div className="narrow">
      <h1>{t("verifyTitle")}</h1>
      {typeof token === "string" && token ? (
        <VerifyEmailForm token={token} from={safeReturnPath(from)} />
      ) : (
        <p>{t("linkExpired")}</p>
      )}
    </div>
  );
}
