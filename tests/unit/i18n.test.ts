import assert from "node:assert/strict";
import { test } from "node:test";
import { readdirSync } from "node:fs";
import { loadMessages } from "@/lib/i18n/catalog";
import { pickLocale } from "@/lib/i18n/config";

const keys = (value: unknown, prefix = ""): string[] =>
  value && typeof value === "object"
    ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
    : [prefix.slice(0, -1)];

test("i18n: French and English have exactly the same messages", () => {
  assert.deepEqual(readdirSync("lib/i18n/messages/fr").sort(), readdirSync("lib/i18n/messages/en").sort());
  assert.deepEqual(keys(loadMessages("fr")).sort(), keys(loadMessages("en")).sort());
});

test("i18n: Accept-Language picks the best supported language", () => {
  assert.equal(pickLocale("fr-CA,fr;q=0.9,en;q=0.8"), "fr");
  assert.equal(pickLocale("de-DE,en;q=0.5,fr;q=0.4"), "en");
  assert.equal(pickLocale("en;q=0.2, fr-CA;q=0.9"), "fr");
  assert.equal(pickLocale("de"), null);
  assert.equal(pickLocale(undefined), null);
});
