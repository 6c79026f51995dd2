"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getViewer } from "@/lib/auth";
import { LOCALE_COOKIE } from "@/lib/i18n";
import { setPreferredLocale } from "@/lib/users";
import { refererPath } from "@/lib/security";
import { THEME_COOKIE, THEMES } from "@/lib/theme";

const YEAR = 60 * 60 * 24 * 365;
const SetLocaleSchema = z.object({ locale: z.enum(["fr", "en"]) });
const SetThemeSchema = z.object({ theme: z.enum(THEMES) });

// Back to the page the form was on (same site only: the path of the Referer, if safe).
async function back(): Promise<never> {
  redirect(refererPath((await headers()).get("referer")));
}

/**
 * setLocale: remembers the reader's interface language for a year (and on their account when
 * signed in, so every device and mail follows it) and goes back to the page.
 */
export async function setLocale(form: FormData): Promise<void> {
  const input = SetLocaleSchema.safeParse(Object.fromEntries(form));
  if (input.success) {
    const viewer = await getViewer();
    if (viewer) await setPreferredLocale(viewer, viewer.id, input.data.locale);
    (await cookies()).set(LOCALE_COOKIE, input.data.locale, {
      maxAge: YEAR,
      sameSite: "lax",
      httpOnly: true,
      path: "/",
    });
  }
  await back();
}

/** setTheme: remembers light, dark or system; works as a plain form post without JavaScript. */
export async function setTheme(form: FormData): Promise<void> {
  const input = SetThemeSchema.safeParse(Object.fromEntries(form));
  if (input.success) {
    (await cookies()).set(THEME_COOKIE, input.data.theme, { maxAge: YEAR, sameSite: "lax", httpOnly: true, path: "/" });
  }
  await back();
}

/**
 * signOutAction: sessions are signed tokens in a cookie (JWT strategy): signing out deletes
 * that cookie (both its plain and __Secure- names). A plain form post, no client library.
 */
export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"]) {
    for (const cookie of jar.getAll())
      if (cookie.name === name || cookie.name.startsWith(`${name}.`)) jar.delete(cookie.name);
  }
  revalidatePath("/", "layout");
  redirect("/");
}
