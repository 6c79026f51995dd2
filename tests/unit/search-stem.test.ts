import assert from "node:assert/strict";
import { test } from "node:test";
import { buildSnippet, foldText, parseQuery, stemTokens } from "@/lib/search";

test("search stems: case and accents fold away (médias, medias, Médias, MÉDIAS)", () => {
  const expected = stemTokens("médias", "fr");
  for (const word of ["medias", "Médias", "MÉDIAS", "médias"]) assert.deepEqual(stemTokens(word, "fr"), expected, word);
  assert.deepEqual(stemTokens("média", "fr"), expected);
  assert.equal(foldText("Œuvre ÇA Straße"), "oeuvre ca strasse");
});

test("search stems: French plurals and verbs meet their stem (débats, débat, débattre)", () => {
  assert.deepEqual(stemTokens("débats", "fr"), stemTokens("débat", "fr"));
  assert.deepEqual(stemTokens("modération", "fr"), stemTokens("modérer", "fr"));
  assert.deepEqual(stemTokens("commentaires", "fr"), stemTokens("Commentaire", "fr"));
});

test("search stems: English (debates, debate, debating)", () => {
  assert.deepEqual(stemTokens("debates", "en"), stemTokens("debate", "en"));
  assert.deepEqual(stemTokens("debating", "en"), stemTokens("debate", "en"));
  assert.deepEqual(stemTokens("Moderation", "en"), stemTokens("moderate", "en"));
});

test("search stems: split on anything but letters and digits, stop words dropped", () => {
  assert.deepEqual(stemTokens("l'article, le 2e — et «la» suite!", "fr"), ["articl", "2e", "suit"]);
  assert.deepEqual(stemTokens("The cat and the hat", "en"), ["cat", "hat"]);
});

test("search query: each word in both languages, stop words dropped, last word as a prefix", () => {
  assert.deepEqual(parseQuery("Les débats"), [{ alternatives: ["debat"], prefix: true }]);
  assert.deepEqual(parseQuery("médias "), [{ alternatives: ["medi", "media"], prefix: false }]);
  assert.deepEqual(parseQuery("de la"), []);
  assert.deepEqual(parseQuery(`'; DROP "x" --`), [
    { alternatives: ["drop"], prefix: false },
    { alternatives: ["x"], prefix: false },
  ]);
});

test("search snippet: marks matches, escapes the rest, ~30 words around the best match", () => {
  const text = `${"avant ".repeat(40)}les <b>médias</b> & "débats" ${"après ".repeat(40)}`;
  const html = buildSnippet(text, "fr", parseQuery("medias debat "));
  assert.match(html, /^… (avant )+les &lt;b&gt;<mark>médias<\/mark>&lt;\/b&gt; &amp; &quot;<mark>débats<\/mark>&quot;/);
  assert.ok(html.endsWith(" …"));
  const words = html.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  assert.ok(words >= 25 && words <= 30, `${words} words`);
  assert.equal(buildSnippet("", "fr", parseQuery("x")), "");
  // The whole text fits: its closing punctuation stays.
  assert.equal(buildSnippet("Sans rapport.", "fr", parseQuery("medias")), "Sans rapport.");
  assert.equal(
    buildSnippet("Vraiment, des médias?!", "fr", parseQuery("medias")),
    "Vraiment, des <mark>médias</mark>?!",
  );
});
