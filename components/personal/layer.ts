"use client";

import { useSyncExternalStore } from "react";
import type { PersonalLayer } from "@/lib/personal";

import { LAYER_ELEMENT_ID } from "./layer-id";

let read: PersonalLayer | null | undefined;

/** readPersonalLayer: the layer the server put into the page (read once), or null when it has none. */
export function readPersonalLayer(): PersonalLayer | null {
  if (read === undefined) {
    const text = document.getElementById(LAYER_ELEMENT_ID)?.textContent;
    try {
      read = text ? (JSON.parse(text) as PersonalLayer) : null;
    } catch {
      read = null;
    }
  }
  return read;
}

const subscribe = () => () => {};

/**
 * usePersonalLayer: the signed-in reader's layer of a shared page (lib/personal): undefined while
 * the page hydrates (the shell as the server rendered it, the same for every signed-in reader),
 * then the layer the server put into the page, or null when it has none.
 */
export function usePersonalLayer(): PersonalLayer | null | undefined {
  return useSyncExternalStore(subscribe, readPersonalLayer, () => undefined);
}
