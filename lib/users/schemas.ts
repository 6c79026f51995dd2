import { z } from "zod";

// Characters that let a name impersonate another or reorder text on screen: C0/C1 controls,
// bidirectional embeddings, overrides and isolates, zero-width joiners and spaces, BOM.
const FORBIDDEN_NAME_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;

export const RESERVED_HANDLES = new Set([
  "admin",
  "administrator",
  "root",
  "system",
  "tribune",
  "moderator",
  "moderators",
  "support",
  "help",
  "api",
  "www",
  "mail",
  "everyone",
  "here",
  "all",
  "null",
  "undefined",
  "anonymous",
  "guest",
  "deleted",
  "me",
  "settings",
  "login",
  "logout",
  "signup",
  "setup",
]);

/** HandleSchema: 2–30 letters, digits, _ or -, starting with a letter or digit; unique case-insensitively. */
export const HandleSchema = z
  .string()
  .trim()
  .min(2, "validation.handleTooShort")
  .max(30, "validation.handleTooLong")
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, "validation.handleChars");

/** PublicHandleSchema: HandleSchema, refusing the reserved words (for sign-up and profile edits). */
export const PublicHandleSchema = HandleSchema.refine(
  (handle) => !RESERVED_HANDLES.has(handle.toLowerCase()),
  "validation.handleReserved",
);

/** DisplayNameSchema: any Unicode letters, NFC-normalized, without controls or bidi overrides. */
export const DisplayNameSchema = z
  .string()
  .transform((name) => name.normalize("NFC").trim().replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(1, "validation.nameEmpty")
      .max(60, "validation.nameTooLong")
      .refine((name) => !FORBIDDEN_NAME_CHARS.test(name), "validation.nameInvisible"),
  );

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("validation.emailInvalid").max(254, "validation.emailInvalid"));

export const InstanceRoleSchema = z.enum(["admin", "member"]);

/** foldKey: lower-case, accents removed (é→e), for matching names and handles. */
export function foldKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .toLowerCase();
}
