"use client";

import { useEffect } from "react";
import { readPersonalLayer } from "./layer";
import { LINKS_ID, MENU_COUNT_ID } from "./layer-id";

/**
 * fillPersonalHeader: on a member shell (lib/page-cache/splice), shows the reader's name, counts
 * and moderation badge from the personal layer the server put into the page. It writes only
 * inside the header's two blocks that React holds as opaque HTML (components/personal/header-links).
 */
function fillPersonalHeader(): void {
  const layer = readPersonalLayer();
  const blocks = [MENU_COUNT_ID, LINKS_ID].map((id) => document.getElementById(id)).filter((block) => block !== null);
  if (!layer || !blocks.length) return;
  const all = <T extends Element>(selector: string) =>
    blocks.flatMap((block) => [...block.querySelectorAll<T>(selector)]);
  const label = (link: Element, count: number) => {
    const labels = JSON.parse(link.getAttribute("data-labels") ?? "{}") as Record<string, string | undefined>;
    const said = count === 0 ? labels.zero : count === 1 ? labels.one : labels.other?.replace("#", String(count));
    if (said) link.setAttribute("aria-label", said);
  };
  const counts = (kind: "unread" | "waiting", count: number) => {
    for (const span of all<HTMLElement>(`[data-personal-count="${kind}"]`)) {
      span.textContent = String(count);
      span.hidden = count === 0;
    }
  };
  counts("unread", layer.unread);
  for (const bell of all('[data-personal="bell"]')) label(bell, layer.unread);
  const { waiting } = layer;
  if (waiting) {
    counts("waiting", waiting.count);
    for (const badge of all<HTMLAnchorElement>('[data-personal="badge"]')) {
      badge.href = waiting.href;
      label(badge, waiting.count);
      badge.hidden = false;
    }
  }
  const { handle, name, image } = layer.viewer;
  for (const me of all<HTMLAnchorElement>('[data-personal="me"]')) {
    me.href = `/u/${encodeURIComponent(handle)}`;
    const picture = me.querySelector("img");
    if (picture) picture.src = image ?? `/api/avatar/${encodeURIComponent(handle)}`;
    const named = me.querySelector("span");
    if (named) named.textContent = name;
    me.hidden = false;
  }
}

/**
 * PersonalHeader: on a member shell (only articles have one), shows the reader's own header
 * links from their layer once the page hydrates. It lives in the article's code, not the
 * layout's, so no other page loads it.
 */
export function PersonalHeader() {
  useEffect(fillPersonalHeader, []);
  return null;
}
