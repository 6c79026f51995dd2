// Old addresses of imported posts (lib/links/legacy.ts) and the rewriting of their links in
// imported markdown (lib/import/markdown-links.ts), issue 14 item 2.
import assert from "node:assert/strict";
import { test } from "node:test";
import { markdownLinkUrls, rewriteLinks } from "@/lib/import/markdown-links";
import { legacyPathKey, legacyUrlKey, legacyUrlVariants } from "@/lib/links/legacy";

test("legacyUrlKey: scheme, host case, trailing slash and fragment do not matter; the query does", () => {
  const key = "carnet.example/blog/2026/10/repondre";
  for (const url of [
    "https://carnet.example/blog/2026/10/repondre/",
    "http://Carnet.Example/blog/2026/10/repondre",
    "https://carnet.example/blog/2026/10/repondre/#comments",
  ])
    assert.equal(legacyUrlKey(url), key, url);
  assert.equal(legacyUrlKey("https://carnet.example/blog/?p=12"), "carnet.example/blog?p=12");
  assert.equal(legacyUrlKey("/relative/path"), null);
  assert.equal(legacyUrlKey("mailto:someone@example.test"), null);
});

test("legacyPathKey: the path a request carries, with WordPress's ?p= / ?page_id= only", () => {
  assert.equal(legacyPathKey("/blog/2026/10/repondre/"), "/blog/2026/10/repondre");
  assert.equal(legacyPathKey("/blog/", "?p=12"), "/blog?p=12");
  assert.equal(legacyPathKey("/", "?page_id=14&utm_source=x"), "?page_id=14");
  assert.equal(legacyPathKey("/a-propos/", "?utm_source=x"), "/a-propos");
  assert.equal(legacyPathKey("/", ""), "/");
  assert.equal(legacyPathKey("/", "?p=abc"), "/");
});

test("legacyUrlVariants: the spellings a link may use", () => {
  assert.deepEqual(legacyUrlVariants("https://hebdo.example/2026/10/page/").sort(), [
    "http://hebdo.example/2026/10/page",
    "http://hebdo.example/2026/10/page/",
    "https://hebdo.example/2026/10/page",
    "https://hebdo.example/2026/10/page/",
  ]);
});

test("rewriteLinks: only link targets change; text, code and typography stay byte for byte", () => {
  const old = "https://hebdo.example/2026/10/page/";
  const markdown = [
    `Comme le dit [l’hebdo « ici »](${old}) … 🎉`,
    "",
    `Voir ${old} et <${old}>.`,
    "",
    "```",
    `${old}`,
    "```",
    "",
    `[ref]: ${old} "Titre"`,
    "",
    "[Autre](https://ailleurs.example/)",
  ].join("\n");
  const out = rewriteLinks(markdown, (url) => (url === old ? "/hebdo/page" : undefined));
  assert.equal(
    out,
    [
      "Comme le dit [l’hebdo « ici »](/hebdo/page) … 🎉",
      "",
      `Voir [${old}](/hebdo/page) et [${old}](/hebdo/page).`,
      "",
      "```",
      `${old}`,
      "```",
      "",
      `[ref]: /hebdo/page "Titre"`,
      "",
      "[Autre](https://ailleurs.example/)",
    ].join("\n"),
  );
  assert.deepEqual(markdownLinkUrls(out), [
    "/hebdo/page",
    "/hebdo/page",
    "/hebdo/page",
    "/hebdo/page",
    "https://ailleurs.example/",
  ]);
});
