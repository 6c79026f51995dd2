import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { env } from "../env.js";
import { RESERVED_BLOG_SLUGS } from "../blogs/schemas";
import { blogLanguageOf } from "../blogs/language";
import { loadMessages } from "./catalog";
import { isLocale, pickLocale, LOCALE_COOKIE, type Locale } from "./config";

// The reader's choice (cookie) wins; on a blog's pages, the blog's language comes next; then
// the browser's languages, then the instance default.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  let locale: Locale;
  if (isLocale(requested)) {
    locale = requested;
  } else {
    const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
    const requestHeaders = await headers();
    locale = isLocale(cookie)
      ? cookie
      : ((await blogLocale(requestHeaders.get("x-tribune-path"))) ??
        pickLocale(requestHeaders.get("accept-language")) ??
        env.DEFAULT_LOCALE);
  }
  const messages = loadMessages(locale);
  return { locale, messages, timeZone: env.TIME_ZONE };
});

async function blogLocale(path: string | null): Promise<Locale | null> {
  const segment = path?.split("/")[1];
  if (!segment || !/^[a-z0-9-]{2,60}$/.test(segment) || RESERVED_BLOG_SLUGS.has(segment)) return null;
  const language = await blogLanguageOf(segment);
  return isLocale(language) ? language : null;
}
