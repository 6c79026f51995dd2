import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { setLocale, setTheme } from "@/app/actions";
import { Bell, ModerationBadge, ProfileLink, UnreadCount } from "@/components/personal/header-links";
import type { CountLabels } from "@/components/personal/layer";
import { getAudience } from "@/lib/auth/audience";
import { countWaiting } from "@/lib/moderation";
import { unreadCount } from "@/lib/notifications";
import { getTheme, nextTheme } from "@/lib/theme";
import { MenuCloser } from "./menu-closer";
import { SignInLinks } from "./sign-in-links";
import { SignOutButton } from "./sign-out-button";
import styles from "./site-header.module.css";

export async function SiteHeader() {
  const [t, nav, locale, audience, theme] = await Promise.all([
    getTranslations("site"),
    getTranslations("nav"),
    getLocale(),
    getAudience(),
    getTheme(),
  ]);
  // The member shell (lib/auth/audience) has the signed-in links without anyone's numbers or name.
  const viewer = audience.kind === "viewer" ? audience.viewer : null;
  const member = audience.kind !== "visitor";
  const other = locale === "fr" ? "en" : "fr";
  // Per viewer, like the bell: only signed-in people get it (anonymous pages stay cacheable).
  const [unread, waiting, bell, queue] = await Promise.all([
    viewer ? unreadCount(viewer) : 0,
    viewer ? countWaiting(viewer) : null,
    getTranslations("notifications"),
    getTranslations("moderationQueue"),
  ]);
  const upcoming = nextTheme(theme);
  const counted = (label: (count: number) => string): CountLabels => ({
    zero: label(0),
    one: label(1),
    other: label(7).replace("7", "#"),
  });
  const initial = viewer
    ? {
        unread,
        waiting: waiting ? { count: waiting.count, href: waiting.href } : null,
        person: { handle: viewer.handle, name: viewer.name, image: viewer.image },
      }
    : null;
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
          {member ? <UnreadCount initial={initial?.unread} className={styles.count} /> : null}
        </button>
        <MenuCloser menuId="site-menu" />
        <nav id="site-menu" popover="auto" aria-label={nav("label")} className={styles.nav}>
          <Link href="/search">{nav("search")}</Link>
          {member ? (
            <>
              <Link href="/write">{nav("write")}</Link>
              <ModerationBadge
                initial={initial ? initial.waiting : undefined}
                labels={counted((count) => queue("badge", { count }))}
                short={queue("badgeShort")}
                className={styles.bell}
                countClassName={styles.count}
              />
              <Bell
                initial={initial?.unread}
                labels={counted((count) => bell("bell", { count }))}
                className={styles.bell}
                countClassName={styles.count}
              />
              <ProfileLink initial={initial?.person} className={styles.me} />
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
