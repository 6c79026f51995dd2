import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { env } from "../env.js";
import { loadMessages } from "./catalog";
import { isLocale, pickLocale, LOCALE_COOKIE, type Locale } from "./config";

// The reader's choice (cookie) wins, then the browser's languages, then the instance default.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  let locale: Locale;
  if (isLocale(requested)) {
    locale = requested;
  } else {
    const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
    locale = isLocale(cookie) ? cookie : (pickLocale((await headers()).get("accept-language")) ?? env.DEFAULT_LOCALE);
  }
  const messages = loadMessages(locale);
  return { locale, messages, timeZone: env.TIME_ZONE };
});
