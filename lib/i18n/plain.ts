import { loadMessages } from "./catalog";
import type { Locale } from "./config";

/**
 * plainMessage: the text of a message key ("validation.handleChars") outside React, e.g. for
 * CLI output and mail; returns the input unchanged when it is not a known key.
 */
export function plainMessage(key: string, locale: Locale = "en"): string {
  let node: unknown = loadMessages(locale);
  for (const part of key.split(".")) {
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  }
  return typeof node === "string" ? node : key;
}
