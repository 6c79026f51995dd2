import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/app/actions";
import { Avatar } from "@/components/users/avatar";
import { getViewer } from "@/lib/auth";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const [t, nav, locale, viewer] = await Promise.all([
    getTranslations("site"),
    getTranslations("nav"),
    getLocale(),
    getViewer(),
  ]);
  const other = locale === "fr" ? "en" : "fr";
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="site-header__brand">
          {t("name")}
        </Link>
        <nav aria-label={nav("label")} className="site-nav">
          {viewer ? (
            <>
              <Link href={`/u/${viewer.handle}`} className="site-nav__me">
                <Avatar handle={viewer.handle} image={viewer.image} size={24} />
                <span>{viewer.name}</span>
              </Link>
              <Link href="/settings">{nav("settings")}</Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/login">{nav("signIn")}</Link>
              <Link href="/signup">{nav("signUp")}</Link>
            </>
          )}
          <form action={setLocale}>
            <input type="hidden" name="locale" value={other} />
            <button type="submit" className="link-button" lang={other} aria-label={t("switchToLabel")}>
              {t("switchTo")}
            </button>
          </form>
        </nav>
      </div>
    </header>
  );
}
