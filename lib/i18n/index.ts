export { locales, LOCALE_COOKIE, type Locale } from "./config";
/** translatorFor: next-intl's translator over the catalogues, for text built outside React (mail, the 410 page). */
export { translatorFor } from "./translator";
/** localeFor: the one rule for the interface language (the reader's choice, the blog's language, the browser's, the default). */
export { localeFor } from "./negotiate";
