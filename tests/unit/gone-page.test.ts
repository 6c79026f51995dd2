import assert from "node:assert/strict";
import { test } from "node:test";
import { goneHtml, goneLocale } from "@/lib/posts/gone-page";

test("gone page: the reader's language, from the catalogues, leading to the blog and to search", () => {
  const fr = goneHtml("fr", "carnet-de-josee");
  assert.match(fr, /<html lang="fr">/);
  assert.match(fr, /<h1>Cet article a été retiré<\/h1>/);
  assert.match(
    fr,
    /<a href="\/carnet-de-josee">Aller au blogue<\/a> · <a href="\/search">Chercher dans le réseau<\/a>/,
  );
  const en = goneHtml("en", "open-margins");
  assert.match(en, /<html lang="en">/);
  assert.match(en, /<title>410 · This article was removed<\/title>/);
  assert.match(en, /<a href="\/open-margins">Go to the blog<\/a>/);
});

test("gone page: the language is the reader's choice, else the browser's, else the instance's", () => {
  assert.equal(goneLocale("en", "fr-CA,fr;q=0.9"), "en");
  assert.equal(goneLocale(undefined, "en-GB,en;q=0.9"), "en");
  assert.equal(goneLocale("xx", "fr-CA"), "fr");
  assert.equal(goneLocale(undefined, "de"), "fr");
});
