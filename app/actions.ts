"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { LOCALE_COOKIE } from "@/lib/i18n";

const SetLocaleSchema = z.object({ locale: z.enum(["fr", "en"]) });

/** setLocale: remembers the reader's interface language for a year and goes back to the page. */
export async function setLocale(form: FormData): Promise<void> {
  const input = SetLocaleSchema.safeParse(Object.fromEntries(form));
  if (input.success) {
    (await cookies()).set(LOCALE_COOKIE, input.data.locale, {
      maxAge: 60 * 60 * 24 * 365,
      sameSite: "lax",
      httpOnly: true,
      path: "/",
    });
  }
  const referer = (await headers()).get("referer");
  const back = referer ? new URL(referer) : null;
  redirect(back ? `${back.pathname}${back.search}` : "/");
}
