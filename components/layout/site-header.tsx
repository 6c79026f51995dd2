import { headers } from "next/headers";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { setLocale, setTheme } from "@/app/actions";
import {
  menuCountHtml,
  personalLinksHtml,
  type CountLabels,
  type HeaderText,
  type HeaderValues,
} from "@/components/personal/header-links";
import { LINKS_ID, MENU_COUNT_ID } from "@/components/personal/layer-id";
import { getAudience } from "@/lib/auth/audience";
import { countWaiting } from "@/lib/moderation";
import { unreadCount } from "@/lib/notifications";
import { getTheme, nextTheme } from "@/lib/theme";
import { safeReturnPath } from "@/lib/security/return-to";
import { MENU_ID, returnQuery } from "./header-client";
import { SignOutButton } from "./sign-out-button";
import styles from "./site-header.module.css";

export async function SiteHeader() {
  const [t, nav, locale, audience, theme, requestHeaders] = await Promise.all([
    getTranslations("site"),
    getTranslations("nav"),
    getLocale(),
    getAudience(),
    getTheme(),
    headers(),
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
  const values: HeaderValues = viewer
    ? {
        unread,
        waiting: waiting ? { count: waiting.count, href: waiting.href } : null,
        person: { handle: viewer.handle, name: viewer.name, image: viewer.image },
      }
    : null;
  const text: HeaderText = {
    bell: counted((count) => bell("bell", { count })),
    badge: counted((count) => queue("badge", { count })),
    badgeShort: queue("badgeShort"),
    classes: { bell: styles.bell!, count: styles.count!, me: styles.me! },
  };
  // The proxy sets the path; after a client navigation the browser brings it up to date (header-client).
  const back = returnQuery(safeReturnPath(requestHeaders.get("x-tribune-path")));
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
        <button type="button" className={styles.menuButton} popoverTarget={MENU_ID} aria-controls={MENU_ID}>
          {nav("menu")}
          {member ? (
            <span
              id={MENU_COUNT_ID}
              className={styles.slot}
              suppressHydrationWarning
              dangerouslySetInnerHTML={{ __html: menuCountHtml(values, styles.count!) }}
            />
          ) : null}
        </button>
        <nav id={MENU_ID} popover="auto" aria-label={nav("label")} className={styles.nav}>
          <Link href="/search">{nav("search")}</Link>
          {member ? (
            <>
              <Link href="/write">{nav("write")}</Link>
              <span
                id={LINKS_ID}
                className={styles.slot}
                suppressHydrationWarning
                dangerouslySetInnerHTML={{ __html: personalLinksHtml(values, text) }}
              />
              <Link href="/settings">{nav("settings")}</Link>
              <SignOutButton />
            </>
          ) : (
            <>
              {/* Plain links: signing in is a page of its own; the browser keeps their return path current. */}
              <a href={`/login${back}`} data-return="">
                {nav("signIn")}
              </a>
              <a href={`/signup${back}`} data-return="">
                {nav("signUp")}
              </a>
            </>
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
