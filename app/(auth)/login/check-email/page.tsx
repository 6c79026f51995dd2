import { getTranslations } from "next-intl/server";

export default async function CheckEmailPage() {
  const t = await getTranslations("auth");
  return (
    <div className="narrow">
      <h1>{t("checkInbox")}</h1>
      <p>{t("linkSent")}</p>
    </div>
  );
}
