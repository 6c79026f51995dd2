import { env } from "../env.js";
import { isLocale, pickLocale, type Locale } from "./config";

/**
 * What a reader said about language, parsed once: their explicit choice (the account's
 * preference when signed in, else the language cookie) and their browser's first supported
 * language. The page cache keys on this same value (lib/page-cache/policy.ts).
 */
export type LocaleChoice = { chosen: Locale | null; browser: Locale | null };

/** The raw inputs: each optional (a mail has no browser, an anonymous request no account). */
export type LocaleInputs = {
  /** User.locale of the signed-in reader or of a mail's recipient. */
  account?: string | null;
  /** The tribune_locale cookie's value. */
  cookie?: string | null;
  /** The Accept-Language header. */
  acceptLanguage?: string | null;
};

/** parseLocaleChoice: the reader's explicit choice (account, then cookie) and browser language; unsupported values count as none. */
export function parseLocaleChoice(inputs: LocaleInputs): LocaleChoice {
  const chosen = isLocale(inputs.account) ? inputs.account : isLocale(inputs.cookie) ? inputs.cookie : null;
  return { chosen, browser: pickLocale(inputs.acceptLanguage) };
}

/**
 * decideLocale: THE rule for the interface language of every page, mail and error page: the
 * reader's explicit choice if they made one, else the blog's language on its pages (or for a
 * mail about it), else the browser's languages, else `fallback` (a mail sent from a page: that
 * page's language), else DEFAULT_LOCALE. So a French browser reading an English blog sees it in
 * English, and one click on the language switch (a choice) changes that everywhere.
 */
export function decideLocale(
  choice: LocaleChoice,
  context: { blogLanguage?: string | null; fallback?: Locale | null } = {},
): Locale {
  const blog = isLocale(context.blogLanguage) ? context.blogLanguage : null;
  return choice.chosen ?? blog ?? choice.browser ?? context.fallback ?? env.DEFAULT_LOCALE;
}

/** localeFor: decideLocale of raw inputs (parseLocaleChoice first). */
export function localeFor(inputs: LocaleInputs, context: Parameters<typeof decideLocale>[1] = {}): Locale {
  return decideLocale(parseLocaleChoice(inputs), context);
}
