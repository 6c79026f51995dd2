import { getTranslations } from "next-intl/server";
import { RequestResetForm } from "@/components/auth/token-forms";

export default async function RequestResetPage() {
  const t = await getTranslations("auth");
  return (
    <div className="narrow">
      <h1>{t("resetTitle")}</h1>
      <p>{t("resetIntro")}</p>
      <RequestResetForm />
    </div>
  );
}
