// What the header does in the browser, without a React component in the layout (issue 12: the
// JavaScript floor): on every page, instrumentation-client.ts follows client navigations (on a
// member shell, the article's PersonalHeader fills in the reader's own links). Without
// JavaScript the header works as the server wrote it: the menu is a popover, and its links load
// the next page.

/** The id of the header's menu (a popover on a phone). */
export const MENU_ID = "site-menu";

// The pages of signing in themselves: coming back to them after signing in makes no sense.
const AUTH_PAGES = /^\/(login|signup|reset-password|verify-email|setup)(\/|$)/;

/** returnQuery: "?from=<path>" for the sign-in and sign-up links, or nothing where it makes no sense. */
export const returnQuery = (path: string) =>
  path.startsWith("/") && path !== "/" && !AUTH_PAGES.test(path) ? `?from=${encodeURIComponent(path)}` : "";

/**
 * onNavigation: a client navigation keeps the header the server wrote for an earlier page. The
 * phone's menu closes (a link followed in it would leave it open over the next page), and the
 * sign-in and sign-up links (marked data-return) come back to the page the reader goes to.
 */
export function onNavigation(url: string): void {
  const menu = document.getElementById(MENU_ID);
  if (menu?.matches(":popover-open")) menu.hidePopover();
  const query = returnQuery(new URL(url, location.href).pathname);
  for (const link of document.querySelectorAll<HTMLAnchorElement>("a[data-return]")) link.search = query;
}
