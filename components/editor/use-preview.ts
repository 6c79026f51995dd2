"use client";

import { useEffect, useRef, useState } from "react";

const DEBOUNCE_MS = 400;

/** What to render for: a saved post, or a new article of a blog. */
export type PreviewTarget = { postId: string } | { blog: string };

/** usePreview: the server-rendered HTML of `source`, refreshed 400 ms after typing stops. */
export function usePreview(target: PreviewTarget, source: string, initialHtml: string) {
  const key = JSON.stringify(target);
  const [html, setHtml] = useState(initialHtml);
  const [failed, setFailed] = useState(false);
  // The server rendered the saved body already: no request until the text changes.
  const untouched = useRef<string | null>(source);

  useEffect(() => {
    if (source === untouched.current) return;
    untouched.current = null;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch("/api/preview", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ...(JSON.parse(key) as PreviewTarget), bodySource: source }),
          signal: controller.signal,
        });
        if (!response.ok) throw new Error(String(response.status));
        setHtml(((await response.json()) as { html: string }).html);
        setFailed(false);
      } catch (error) {
        if ((error as Error).name !== "AbortError") setFailed(true);
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, source]);

  return { html, failed };
}
