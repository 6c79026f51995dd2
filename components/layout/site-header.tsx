import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { setLocale, setTheme } from "@/app/actions";
import { Avatar } from "@/components/users/avatar";
import { getViewer } from "@/lib/auth";
import { countWaiting } from "@/lib/moderation";
import { unreadCount } from "@/lib/notifications";
import { getTheme, nextTheme } from "@/lib/theme";
import { MenuCloser } from "./menu-closer";
import { SignInLinks } from "./sign-in-links";
import { SignOutButton } from "./sign-out-button";
import styles from "./site-header.module.css";

export async function SiteHeader() {
  const [t, nav, locale, viewer, theme] = await Promise.all([
    getTranslations("site"),
    getTranslations("nav"),
    getLocale(),
    getViewer(),
    getTheme(),
  ]);
  const other = locale === "fr" ? "en" : "fr";
  // Per viewer, like the bell: only signed-in people get it (anonymous pages stay cacheable).
  const [unread, waiting, bell, queue] = await Promise.all([
    viewer ? unreadCount(viewer) : 0,
    viewer ? countWaiting(viewer) : null,
    getTranslations("notifications"),
    getTranslations("moderationQueue"),
  ]);
  const upcoming = nextTheme(theme);
  return (
    <header className={styles.header} data-print="hide">
      <div className={`container ${styles.inner}`}>
        <Link href="/" className={styles.brand}>
          <span className={styles.mark} aria-hidden="true">
            T
          </span>
          {t("name")}
        </Link>
        {/* On a phone the links wait behind one button: a popover, so it opens without JavaScript. */}
        <button type="button" className={styles.menuButton} popoverTarget="site-menu" aria-controls="site-menu">
          {nav("menu")}
          {unread > 0 ? <span className={styles.count}>{unread}</span> : null}
        </button>
        <MenuCloser menuId="site-menu" />
        <nav id="site-menu" popover="auto" aria-label={nav("label")} className={styles.nav}>
          <Link href="/search">{nav("search")}</Link>
          {viewer ? (
            <>
              <Link href="/write">{nav("write")}</Link>
              {waiting ? (
                <Link
                  href={waiting.href}
                  className={styles.bell}
                  aria-label={queue("badge", { count: waiting.count })}
                  data-testid="moderation-badge"
                >
                  {queue("badgeShort")}
                  {waiting.count > 0 ? <span className={styles.count}>{waiting.count}</span> : null}
                </Link>
              ) : null}
              <Link href="/notifications" className={styles.bell} aria-label={bell("bell", { count: unread })}>
                <svg
                  aria-hidden="true"
                  width="18"
                  height="18"
                  viewBox="0 0 24 24"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                >
                  <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
                  <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
                </svg>
                {unread > 0 ? <span className={styles.count}>{unread}</span> : null}
              </Link>
              <Link href={`/u/${viewer.handle}`} className={styles.me}>
                <Avatar handle={viewer.handle} image={viewer.image} size={24} />
                <span>{viewer.name}</span>
              </Link>
              <Link href="/settings">{nav("settings")}</Link>
              <SignOutButton />
            </>
          ) : (
            <SignInLinks signIn={nav("signIn")} signUp={nav("signUp")} />
          )}
          <span className={styles.tools}>
            <form action={setTheme}>
              <input type="hidden" name="theme" value={upcoming} />
              <button type="submit" className={styles.tool} title={t(`themeSwitch.${upcoming}`)}>
                <span aria-hidden="true">{theme === "dark" ? "☾" : theme === "light" ? "☀" : "◐"}</span>
                <span className="visually-hidden">{t("themeLabel")} </span>
                {t(`theme.${theme}`)}
              </button>
            </form>
            <form action={setLocale}>
              <input type="hidden" name="locale" value={other} />
              <button type="submit" className={styles.tool} lang={other} aria-label={t("switchToLabel")}>
                {t("switchTo")}
              </button>
            </form>
          </span>
        </nav>
      </div>
    </header>
  );
}
