"use client";

import { useEffect, useState } from "react";

const FOCUS_KEY = "tribune:queue-focus";

/**
 * QueueKeys: the queue with the keyboard alone. j / ↓ and k / ↑ move between items; a, s, r
 * press the item's approve (or restore), spam and remove buttons; x ticks its checkbox. After a
 * decision the page comes back with the item at the same place in focus. Also the "select
 * every comment on this page" box, which only makes sense with JavaScript.
 */
export function QueueKeys({ selectAllLabel, version }: { selectAllLabel: string; version: string }) {
  const [all, setAll] = useState(false);

  useEffect(() => {
    const items = () => [...document.querySelectorAll<HTMLElement>("[data-queue-item]")];
    const stored = sessionStorage.getItem(FOCUS_KEY);
    if (stored !== null) {
      sessionStorage.removeItem(FOCUS_KEY);
      const list = items();
      list[Math.min(Number(stored), list.length - 1)]?.focus();
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input:not([type=checkbox]), textarea, select, [contenteditable]")) return;
      const list = items();
      if (!list.length) return;
      const current = list.findIndex((item) => item.contains(document.activeElement));
      const move = (to: number) => {
        event.preventDefault();
        list[Math.max(0, Math.min(list.length - 1, to))]?.focus();
      };
      switch (event.key) {
        case "j":
        case "ArrowDown":
          if (event.key === "ArrowDown" && current < 0) return;
          return move(current + 1);
        case "k":
        case "ArrowUp":
          if (event.key === "ArrowUp" && current < 0) return;
          return move(current < 0 ? 0 : current - 1);
      }
      if (current < 0) return;
      const item = list[current]!;
      if (event.key === "x") {
        event.preventDefault();
        item.querySelector<HTMLInputElement>("input[type=checkbox]")?.click();
        return;
      }
      const button = item.querySelector<HTMLButtonElement>(`button[data-key="${event.key}"]`);
      if (!button) return;
      event.preventDefault();
      sessionStorage.setItem(FOCUS_KEY, String(current));
      button.click();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [version]);

  return (
    <label className="meta" style={{ display: "inline-flex", gap: "0.5rem", alignItems: "center" }}>
      <input
        type="checkbox"
        checked={all}
        onChange={(event) => {
          setAll(event.target.checked);
          for (const box of document.querySelectorAll<HTMLInputElement>("[data-queue-item] input[name=ids]"))
            box.checked = event.target.checked;
        }}
      />
      {selectAllLabel}
    </label>
  );
}
