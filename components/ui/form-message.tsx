"use client";

import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/forms";

/** FormMessage: the form-level outcome of an action, announced to screen readers. */
export function FormMessage({ state, success }: { state: FormState; success?: string }) {
  const t = useTranslations();
  if (state.ok && success) {
    return (
      <p className="form-message form-message--ok" role="status">
        {success}
      </p>
    );
  }
  if (!state.ok && state.message) {
    const values = { minutes: Math.max(1, Math.ceil(Number(state.data?.retryAfterSeconds ?? 60) / 60)) };
    return (
      <p className="form-message form-message--error" role="status" aria-live="polite">
        {t.has(state.message) ? t(state.message, values) : state.message}
      </p>
    );
  }
  return null;
}
