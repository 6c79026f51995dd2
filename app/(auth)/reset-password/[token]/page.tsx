import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/auth/token-forms";

type Props = { params: Promise<{ token: string }> };

export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  const t = await getTranslations("auth");
  return (
    <div className="narrow">
      <h1>{t("newPasswordTitle")}</h1>
      <ResetPasswordForm token={token} />
    </div>
  );
}
