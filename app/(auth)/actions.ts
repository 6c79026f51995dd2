"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import {
  EmailOnlySchema,
  ResetPasswordSchema,
  SignUpSchema,
  getViewer,
  keepThisSession,
  requestPasswordReset,
  resetPassword,
  signUp,
  verifyEmail,
} from "@/lib/auth";
import { failure, parseForm, type FormState } from "@/lib/forms";
import { clientIp, loginPath, safeReturnPath } from "@/lib/security";

const currentLocale = async () => ((await getLocale()) === "en" ? "en" : "fr") as "fr" | "en";

/** signUpAction: creates the account and mails the verification link. */
export async function signUpAction(_prev: FormState, form: FormData): Promise<FormState> {
  const parsed = parseForm(SignUpSchema, form);
  if (!parsed.data) return parsed.state;
  try {
    await signUp(parsed.data, await currentLocale(), clientIp(await headers()), safeReturnPath(form.get("from")));
    return { ok: true, data: { email: parsed.data.email } };
  } catch (error) {
    return failure(error, form);
  }
}

/** verifyEmailAction: confirms an address from the link's token (a POST, so mail scanners cannot). */
export async function verifyEmailAction(_prev: FormState, form: FormData): Promise<FormState> {
  const token = String(form.get("token") ?? "");
  const viewer = await getViewer();
  let kept = false;
  try {
    const { userId, sessionVersion } = await verifyEmail(token);
    // A changed address ends every session; the browser that confirms it, if signed in as
    // that person, carries on with the new session version.
    if (sessionVersion !== null && viewer?.id === userId) {
      await keepThisSession(viewer, sessionVersion);
      kept = true;
    }
  } catch (error) {
    return failure(error);
  }
  const from = safeReturnPath(form.get("from"));
  redirect(kept ? "/settings" : `${loginPath(from)}&verified=1`);
}

/** requestResetAction: mails a reset link if the account exists. */
export async function requestResetAction(_prev: FormState, form: FormData): Promise<FormState> {
  const parsed = parseForm(EmailOnlySchema, form);
  if (!parsed.data) return parsed.state;
  try {
    await requestPasswordReset(parsed.data.email, await currentLocale(), clientIp(await headers()));
    return { ok: true };
  } catch (error) {
    return failure(error, form);
  }
}

/** resetPasswordAction: sets the new password, then sends the person to sign in. */
export async function resetPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const parsed = parseForm(ResetPasswordSchema, form);
  if (!parsed.data) return parsed.state;
  try {
    await resetPassword(parsed.data.token, parsed.data.password);
  } catch (error) {
    return failure(error);
  }
  redirect("/login?reset=1");
}
