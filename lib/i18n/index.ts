export { locales, isLocale, pickLocale, LOCALE_COOKIE, type Locale } from "./config";
/** plainMessage: a catalogue message by key outside React (CLI, mail). */
export { plainMessage } from "./plain";
/** translatorFor: next-intl's translator over the catalogues, for text built outside React (mail, the 410 page). */
export { translatorFor } from "./translator";
