"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";

/**
 * MenuCloser: closes the phone menu (a popover in the persistent header) once a link in it
 * has led to another page; without JavaScript every link loads a new page, which closes it anyway.
 */
export function MenuCloser({ menuId }: { menuId: string }) {
  const path = usePathname();
  useEffect(() => {
    const menu = document.getElementById(menuId);
    if (menu?.matches(":popover-open")) menu.hidePopover();
  }, [path, menuId]);
  return null;
}
