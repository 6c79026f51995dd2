import assert from "node:assert/strict";
import { test } from "node:test";
import { goneHtml } from "@/lib/posts/gone-page";

test("gone page: the given language, from the catalogues, leading to the blog (named) and to search", () => {
  const fr = goneHtml("fr", { slug: "carnet-de-josee", name: "Le carnet de Josée" });
  assert.match(fr, /<html lang="fr">/);
  assert.match(fr, /<h1>Cet article a été retiré<\/h1>/);
  assert.match(
    fr,
    /<a href="\/carnet-de-josee">Aller au blogue «[\u00a0\u202f]Le carnet de Josée[\u00a0\u202f]»<\/a> · <a href="\/search">Chercher dans le réseau<\/a>/,
  );
  const en = goneHtml("en", { slug: "open-margins", name: "Open <Margins>" });
  assert.match(en, /<html lang="en">/);
  assert.match(en, /<title>410 · This article was removed<\/title>/);
  assert.match(en, /<a href="\/open-margins">Go to Open &#60;Margins&#62;<\/a>/, "the blog's name is escaped");
});
