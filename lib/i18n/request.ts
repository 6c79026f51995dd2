import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { env } from "../env.js";
import { getViewer } from "../auth/session";
import { RESERVED_BLOG_SLUGS } from "../blogs/schemas";
import { blogLanguageOf, tagLanguageOf } from "../blogs/language";
import { loadMessages } from "./catalog";
import { isLocale, LOCALE_COOKIE } from "./config";
import { localeFor } from "./negotiate";

// Every page's language comes from lib/i18n/negotiate's rule: the reader's choice (their account's
// preference when signed in, else the cookie), then on a blog's pages the blog's language (on a
// tag's page, the tag's), then the browser's languages, then the instance default.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const requestHeaders = await headers();
  const locale = isLocale(requested)
    ? requested
    : localeFor(
        {
          account: (await getViewer())?.locale,
          cookie: (await cookies()).get(LOCALE_COOKIE)?.value,
          acceptLanguage: requestHeaders.get("accept-language"),
        },
        { blogLanguage: await blogLanguageAt(requestHeaders.get("x-tribune-path")) },
      );
  const messages = loadMessages(locale);
  return { locale, messages, timeZone: env.TIME_ZONE };
});

/**
 * blogLanguageAt: the language of the blog whose pages `path` is under, or of the tag a tag page
 * lists (tags belong to a language), or null (neither).
 */
async function blogLanguageAt(path: string | null): Promise<string | null> {
  const [, segment, tag] = path?.split("/") ?? [];
  if (segment === "tags" && tag && /^[a-z0-9-]{1,100}$/.test(tag)) return tagLanguageOf(tag);
  if (!segment || !/^[a-z0-9-]{2,60}$/.test(segment) || RESERVED_BLOG_SLUGS.has(segment)) return null;
  return blogLanguageOf(segment);
}
