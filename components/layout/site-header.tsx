import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/app/actions";

export async function SiteHeader() {
  const t = await getTranslations("site");
  const locale = await getLocale();
  const other = locale === "fr" ? "en" : "fr";
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="site-header__brand">
          {t("name")}
        </Link>
        <form action={setLocale}>
          <input type="hidden" name="locale" value={other} />
          <button type="submit" className="link-button" lang={other} aria-label={t("switchToLabel")}>
            {t("switchTo")}
          </button>
        </form>
      </div>
    </header>
  );
}
