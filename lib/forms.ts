import { ZodError, type z } from "zod";
import { isAppError } from "./errors";

/** FormState: what a server action returns to its form; messages are i18n keys. */
export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
  data?: Record<string, string>;
};

export const initialFormState: FormState = { ok: false };

/** formValues: the submitted text fields (never passwords), to refill the form after an error. */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !/password|confirm|current|token/i.test(key) && !key.startsWith("$")) {
      values[key] = value;
    }
  }
  return values;
}

/** parseForm: runs a schema over FormData; returns the data or the FormState to send back. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  form: FormData | Record<string, unknown>,
): { data: z.infer<S>; state?: undefined } | { data?: undefined; state: FormState } {
  const raw = form instanceof FormData ? Object.fromEntries(form) : form;
  const result = schema.safeParse(raw);
  if (result.success) return { data: result.data };
  return {
    state: {
      ok: false,
      message: "errors.checkFields",
      fieldErrors: fieldErrorsOf(result.error),
      values: form instanceof FormData ? formValues(form) : undefined,
    },
  };
}

function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    // Built-in zod messages (wrong type, missing field) become one generic, translated key.
    const message = issue.message.startsWith("validation.") ? issue.message : "validation.invalid";
    (fields[key] ??= []).push(message);
  }
  return fields;
}

/** failure: an expected error (AppError) as a FormState; anything else is rethrown to error.tsx. */
export function failure(error: unknown, form?: FormData): FormState {
  if (isAppError(error)) {
    const field = typeof error.details?.field === "string" ? error.details.field : undefined;
    return {
      ok: false,
      message: field ? "errors.checkFields" : error.code === "RATE_LIMITED" ? "errors.rateLimited" : error.message,
      fieldErrors: field ? { [field]: [error.message] } : undefined,
      values: form ? formValues(form) : undefined,
      data: error.details?.retryAfterSeconds
        ? { retryAfterSeconds: String(error.details.retryAfterSeconds) }
        : undefined,
    };
  }
  throw error;
}
