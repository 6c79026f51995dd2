import "server-only";
import { ZodError } from "zod";
import { httpStatus, isAppError } from "./errors";
import { plainMessage } from "./i18n/plain";

/** apiError: one JSON shape for every API failure: { error: CODE, message, fields? }. */
export function apiError(error: unknown): Response {
  if (error instanceof ZodError) {
    const fields: Record<string, string[]> = {};
    for (const issue of error.issues) (fields[issue.path.join(".") || "body"] ??= []).push(plainMessage(issue.message));
    return Response.json({ error: "INVALID_INPUT", message: "Invalid input", fields }, { status: 400 });
  }
  if (isAppError(error)) {
    const headers: Record<string, string> = {};
    const retry = error.details?.retryAfterSeconds;
    if (typeof retry === "number") headers["retry-after"] = String(retry);
    return Response.json(
      { error: error.code, message: withDetails(plainMessage(error.message), error.details) },
      { status: httpStatus[error.code], headers },
    );
  }
  console.error("[api] unexpected error:", error);
  return Response.json({ error: "INTERNAL", message: "Internal error" }, { status: 500 });
}

/** withDetails: a message's {placeholders} filled from the error's details (e.g. slow mode's {seconds}). */
function withDetails(message: string, details?: Record<string, unknown>): string {
  if (!details) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = details[name];
    return typeof value === "string" || typeof value === "number" ? String(value) : whole;
  });
}

/** readJson: the request body as JSON, or INVALID_INPUT. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new ZodError([{ code: "custom", message: "Body must be JSON", path: [], input: undefined }]);
  }
}
