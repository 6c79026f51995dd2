// use-intl/core is next-intl's React-free core (the same createTranslator next-intl exports), safe in proxy.ts and scripts.
import { createTranslator } from "use-intl/core";
import { loadMessages } from "./catalog";
import type { Locale } from "./config";

type Values = Record<string, string | number>;

/**
 * translatorFor: next-intl's translator over the same catalogues as the pages, for text built
 * outside React (mail, the 410 page proxy.ts answers). `t("key", values)` is the message of
 * `<namespace>.<key>` with the values put in, as `useTranslations(namespace)` gives it.
 */
export function translatorFor(locale: Locale, namespace: string): (key: string, values?: Values) => string {
  const translate = createTranslator({ locale, messages: loadMessages(locale), namespace }) as unknown as (
    key: string,
    values?: Values,
  ) => string;
  return (key, values) => translate(key, values);
}
