export { locales, isLocale, pickLocale, LOCALE_COOKIE, type Locale } from "./config";
