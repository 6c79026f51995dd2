import type { PersonalLayer } from "@/lib/personal";
import { safeReturnPath } from "@/lib/security";

// The header's two small scripts, inline and without React, so that the layout adds no client
// component to what every page loads (issue 12: the JavaScript floor). Each is a plain function
// written out with its arguments as the body of a <script> carrying the request's nonce; a page
// the cache serves again allows it by hash (lib/security/csp). Without JavaScript, the header
// works as it is written: the menu is a popover, and its links load the next page.

/** The pages of signing in themselves: coming back to them after signing in makes no sense. */
const AUTH_PAGES = /^\/(login|signup|reset-password|verify-email|setup)(\/|$)/;

/** returnQuery: "?from=<path>" for the sign-in and sign-up links, or nothing where it makes no sense. */
export function returnQuery(path: string | null): string {
  const safe = safeReturnPath(path);
  return safe !== "/" && !AUTH_PAGES.test(safe) ? `?from=${encodeURIComponent(safe)}` : "";
}

/**
 * The header's menu: a link followed in it closes it (Next's client navigation keeps the header,
 * so the popover would stay open over the next page), and the sign-in and sign-up links bring
 * the reader back to the page they are on now, not the one the header was rendered for.
 */
function menuScript(menuId: string, authPages: string): void {
  const menu = document.getElementById(menuId);
  if (!menu) return;
  const auth = new RegExp(authPages);
  menu.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("a") && menu.matches(":popover-open"))
      menu.hidePopover();
  });
  const returnHere = (event: Event) => {
    const link = event.target instanceof Element ? event.target.closest("a[data-return]") : null;
    if (!(link instanceof HTMLAnchorElement)) return;
    const url = new URL(link.href);
    const path = location.pathname;
    if (path === "/" || auth.test(path)) url.searchParams.delete("from");
    else url.searchParams.set("from", path);
    link.href = url.pathname + url.search;
  };
  for (const type of ["pointerdown", "focusin", "click"]) menu.addEventListener(type, returnHere, true);
}

/**
 * The member shell's script: fills the header's personal blocks (components/personal/header-links)
 * from the reader's layer, the JSON block the server put into the page just before it.
 */
function fillPersonalHeader(layerId: string, blockIds: string[]): void {
  let layer: PersonalLayer | null = null;
  try {
    layer = JSON.parse(document.getElementById(layerId)?.textContent || "null") as PersonalLayer | null;
  } catch {
    return;
  }
  const blocks = blockIds.map((id) => document.getElementById(id)).filter((block) => block !== null);
  if (!layer || !blocks.length) return;
  const all = <T extends Element>(selector: string) =>
    blocks.flatMap((block) => [...block.querySelectorAll<T>(selector)]);
  const label = (link: Element, count: number) => {
    const labels = JSON.parse(link.getAttribute("data-labels") || "{}") as Record<string, string>;
    const text = count === 0 ? labels.zero : count === 1 ? labels.one : labels.other?.replace("#", String(count));
    if (text) link.setAttribute("aria-label", text);
  };
  const counts = (kind: string, count: number) => {
    for (const span of all<HTMLElement>(`[data-personal-count="${kind}"]`)) {
      span.textContent = String(count);
      span.hidden = count === 0;
    }
  };
  counts("unread", layer.unread);
  for (const bell of all('[data-personal="bell"]')) label(bell, layer.unread);
  const waiting = layer.waiting;
  for (const badge of all<HTMLAnchorElement>('[data-personal="badge"]')) {
    if (!waiting) continue;
    badge.href = waiting.href;
    label(badge, waiting.count);
    counts("waiting", waiting.count);
    badge.hidden = false;
  }
  const { handle, name, image } = layer.viewer;
  for (const me of all<HTMLAnchorElement>('[data-personal="me"]')) {
    me.href = `/u/${encodeURIComponent(handle)}`;
    const picture = me.querySelector("img");
    if (picture) picture.src = image || `/api/avatar/${encodeURIComponent(handle)}`;
    const text = me.querySelector("span");
    if (text) text.textContent = name;
    me.hidden = false;
  }
}

const call = (fn: (...args: never[]) => void, ...args: unknown[]) =>
  `(${fn.toString()})(${args.map((arg) => JSON.stringify(arg)).join(",")});`;

/** The header menu's script, for every page. */
export const menuScriptFor = (menuId: string) => call(menuScript, menuId, AUTH_PAGES.source);

/** The member shell's script, after its layer's block. */
export const fillScriptFor = (layerId: string, blockIds: string[]) => call(fillPersonalHeader, layerId, blockIds);
