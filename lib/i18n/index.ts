export { locales, isLocale, pickLocale, LOCALE_COOKIE, type Locale } from "./config";
/** plainMessage: a catalogue message by key outside React (CLI, mail). */
export { plainMessage } from "./plain";
/** decideLocale / parseLocaleChoice / localeFor: the one rule for the interface language (choice, blog, browser, default). */
export { decideLocale, parseLocaleChoice, localeFor, type LocaleChoice, type LocaleInputs } from "./negotiate";
