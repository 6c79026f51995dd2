"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { AutosaveResult } from "@/app/(write)/write/[blog]/posts/actions";

export type SaveStatus = { kind: "idle" | "dirty" | "saving" | "saved" | "error"; at?: string; message?: string };

const INTERVAL_MS = 4000;

/**
 * useAutosave: saves `values` through `save` a few seconds after they change and when asked
 * (on blur), one request at a time; the latest values always win.
 */
export function useAutosave(
  values: Record<string, string>,
  save: (values: Record<string, string>) => Promise<AutosaveResult>,
) {
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const latest = useRef(values);
  const saved = useRef(JSON.stringify(values));
  const busy = useRef(false);

  useEffect(() => {
    latest.current = values;
    if (JSON.stringify(values) !== saved.current) setStatus((s) => (s.kind === "saving" ? s : { kind: "dirty" }));
  }, [values]);

  const flush = useCallback(async () => {
    const snapshot = JSON.stringify(latest.current);
    if (busy.current || snapshot === saved.current) return;
    busy.current = true;
    setStatus({ kind: "saving" });
    try {
      const result = await save(latest.current);
      if (result.ok) {
        saved.current = snapshot;
        setFieldErrors({});
        setStatus({ kind: JSON.stringify(latest.current) === snapshot ? "saved" : "dirty", at: result.savedAt });
      } else {
        setFieldErrors(result.fieldErrors ?? {});
        setStatus({ kind: "error", message: result.message });
      }
    } catch {
      setStatus({ kind: "error" });
    } finally {
      busy.current = false;
    }
  }, [save]);

  useEffect(() => {
    const timer = setInterval(flush, INTERVAL_MS);
    return () => clearInterval(timer);
  }, [flush]);

  const markSaved = useCallback((at?: string) => {
    saved.current = JSON.stringify(latest.current);
    setStatus({ kind: "saved", at });
  }, []);

  return { status, fieldErrors, flush, markSaved };
}
