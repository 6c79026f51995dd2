export { isLocale, pickLocale, LOCALE_COOKIE, type Locale } from "./config";
/** translatorFor: next-intl's translator over the catalogues, for text built outside React (mail, the 410 page). */
export { translatorFor } from "./translator";
