import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Locale } from "./config";

type Messages = Record<string, unknown>;
const cache = new Map<Locale, Messages>();

/**
 * loadMessages: every catalogue file of the locale (lib/i18n/messages/<locale>/*.json), merged.
 * Each domain keeps its own file, so features add messages without touching each other's.
 * Read once per process.
 */
export function loadMessages(locale: Locale): Messages {
  const cached = cache.get(locale);
  if (cached) return cached;
  const dir = join(/* turbopackIgnore: true */ process.cwd(), "lib", "i18n", "messages", locale);
  const merged: Messages = {};
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()) {
    const part = JSON.parse(readFileSync(join(dir, file), "utf8")) as Messages;
    for (const [namespace, value] of Object.entries(part)) {
      const existing = merged[namespace];
      merged[namespace] =
        existing && typeof existing === "object" ? { ...(existing as Messages), ...(value as Messages) } : value;
    }
  }
  cache.set(locale, merged);
  return merged;
}
