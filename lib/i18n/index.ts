export { locales, isLocale, pickLocale, LOCALE_COOKIE, type Locale } from "./config";
/** plainMessage: a catalogue message by key outside React (CLI, mail). */
export { plainMessage } from "./plain";
