"use client";

import { useFormStatus } from "react-dom";
import type { ReactNode } from "react";

/** SubmitButton: disabled while its form is being sent, so a double click sends once. */
export function SubmitButton({ children, className = "button" }: { children: ReactNode; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
      {children}
    </button>
  );
}
