import "server-only";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { localeFor } from "@/lib/i18n";
import { changeEmailMail, resetPasswordMail, sendMail, verifyEmailMail } from "@/lib/mail";
import { consume, safeReturnPath } from "@/lib/security";
import { foldKey } from "@/lib/users/schemas";
import { appUrl } from "./app-url";
import { hashPassword, verifyPassword } from "./password";
import type { SignUpInput } from "./schemas";
import { consumeToken, issueToken, tokenLifetimeMinutes } from "./tokens";

type Locale = "fr" | "en";

/**
 * signUp: creates an unverified account and mails its verification link. A taken handle or
 * email is a CONFLICT naming the field; nothing is written then.
 */
export async function signUp(input: SignUpInput, locale: Locale, ip: string, returnTo = "/"): Promise<void> {
  await consume("signUp", ip);
  const clash = await db.user.findFirst({
    where: { OR: [{ handleKey: input.handle.toLowerCase() }, { email: input.email }] },
    select: { handleKey: true },
  });
  if (clash) {
    const field = clash.handleKey === input.handle.toLowerCase() ? "handle" : "email";
    throw new AppError("CONFLICT", `validation.${field}Taken`, { field });
  }
  let user;
  try {
    user = await db.user.create({
      data: {
        handle: input.handle,
        handleKey: input.handle.toLowerCase(),
        name: input.name,
        nameKey: foldKey(input.name),
        email: input.email,
        passwordHash: await hashPassword(input.password),
        locale,
      },
      select: { id: true, name: true, email: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "validation.emailTaken", { field: "email" });
    throw error;
  }
  await sendVerification(user.id, user.email!, user.name, locale, returnTo);
}

async function sendVerification(userId: string, email: string, name: string, locale: Locale, returnTo = "/") {
  const token = await issueToken("verify_email", { userId, email });
  // Where the person was when they signed up: the link brings them back there (a safe path only).
  const from = safeReturnPath(returnTo);
  const url = appUrl(`/verify-email?token=${token}${from === "/" ? "" : `&from=${encodeURIComponent(from)}`}`);
  const expiresInMinutes = tokenLifetimeMinutes("verify_email");
  await sendMail({ to: email, ...verifyEmailMail({ locale, name, url, expiresInMinutes }) });
}

/**
 * verifyEmail: marks the address verified (sign-up or a changed address). A changed address
 * ends every session of the account (a new session version, returned with the user's id);
 * `sessionVersion` is null when the address was only confirmed.
 */
export async function verifyEmail(token: string): Promise<{ userId: string; sessionVersion: number | null }> {
  const row = await consumeToken("verify_email", token).catch(() => consumeToken("change_email", token));
  if (!row.userId || !row.email) throw new AppError("INVALID_INPUT", "errors.linkInvalid");
  const current = await db.user.findUnique({ where: { id: row.userId }, select: { email: true } });
  if (!current) throw new AppError("INVALID_INPUT", "errors.linkInvalid");
  const changed = current.email !== row.email;
  try {
    const user = await db.user.update({
      where: { id: row.userId },
      data: {
        email: row.email,
        pendingEmail: null,
        emailVerified: new Date(),
        ...(changed ? { sessionVersion: { increment: 1 } } : {}),
      },
      select: { sessionVersion: true },
    });
    return { userId: row.userId, sessionVersion: changed ? user.sessionVersion : null };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "validation.emailTaken", { field: "email" });
    throw error;
  }
}

/** requestPasswordReset: mails a reset link when the account exists; answers the same either way. */
export async function requestPasswordReset(email: string, locale: Locale, ip: string): Promise<void> {
  await consume("passwordReset", `${email}|${ip}`);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, deletedAt: true, locale: true },
  });
  if (!user || user.deletedAt) return;
  const token = await issueToken("reset_password", { userId: user.id, email });
  const url = appUrl(`/reset-password/${token}`);
  const mail = resetPasswordMail({
    // Their account's choice, else the language of the page they asked from.
    locale: localeFor({ account: user.locale }, { fallback: locale }),
    name: user.name,
    url,
    expiresInMinutes: tokenLifetimeMinutes("reset_password"),
  });
  await sendMail({ to: email, ...mail });
}

/** resetPassword: sets a new password from a reset link, verifies the address, and signs out everywhere. */
export async function resetPassword(token: string, password: string): Promise<void> {
  const row = await consumeToken("reset_password", token);
  if (!row.userId) throw new AppError("INVALID_INPUT", "errors.linkInvalid");
  await db.user.update({
    where: { id: row.userId },
    data: { passwordHash: await hashPassword(password), sessionVersion: { increment: 1 }, emailVerified: new Date() },
  });
}

/**
 * changePassword: needs the current password (when one is set). Every session of the account
 * ends (a new session version, returned): the caller gives its own session the new version
 * (keepThisSession), so only the others are signed out.
 */
export async function changePassword(userId: string, current: string, password: string): Promise<number> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, current))) {
    throw new AppError("INVALID_INPUT", "validation.currentPasswordWrong", { field: "current" });
  }
  const updated = await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(password), sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return updated.sessionVersion;
}

/** requestEmailChange: keeps the current address until the new one is confirmed from its own mailbox. */
export async function requestEmailChange(userId: string, newEmail: string, locale: Locale): Promise<void> {
  await consume("mail", userId);
  const taken = await db.user.findUnique({ where: { email: newEmail }, select: { id: true } });
  if (taken) throw new AppError("CONFLICT", "validation.emailTaken", { field: "email" });
  const user = await db.user.update({
    where: { id: userId },
    data: { pendingEmail: newEmail },
    select: { name: true },
  });
  const token = await issueToken("change_email", { userId, email: newEmail });
  const url = appUrl(`/verify-email?token=${token}`);
  const mail = changeEmailMail({
    locale,
    name: user.name,
    url,
    newEmail,
    expiresInMinutes: tokenLifetimeMinutes("change_email"),
  });
  await sendMail({ to: newEmail, ...mail });
}

/** signOutEverywhere: every session issued so far stops working, this one included. */
export async function signOutEverywhere(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
