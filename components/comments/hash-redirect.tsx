"use client";

import { useEffect } from "react";

const ANCHOR = /^#comment-([A-Za-z0-9_-]{1,64})$/;
const TRIED = "tribune:comment-link";

/**
 * HashRedirect: an old link to `#comment-<id>` on a page of the discussion that does not hold
 * that comment (a fragment never reaches the server) goes to the comment's permalink, which the
 * server resolves to the right page. Once per comment and tab, so a comment the viewer cannot
 * read never loops.
 */
export function HashRedirect({ articlePath }: { articlePath: string }) {
  useEffect(() => {
    const follow = () => {
      const id = ANCHOR.exec(window.location.hash)?.[1];
      // The shared thread is still on its way (a client-side navigation): its island asks again.
      if (!id || document.querySelector("[data-thread-slot]:empty")) return;
      if (document.getElementById(`comment-${id}`)) {
        sessionStorage.removeItem(TRIED);
        return;
      }
      if (sessionStorage.getItem(TRIED) === id) return;
      sessionStorage.setItem(TRIED, id);
      window.location.replace(`${articlePath}/c/${encodeURIComponent(id)}`);
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [articlePath]);
  return null;
}
