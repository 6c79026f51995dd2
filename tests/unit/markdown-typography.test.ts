import assert from "node:assert/strict";
import { test } from "node:test";
import { applyFrenchSpacing, renderMarkdown } from "@/lib/markdown";

const NBSP = "\u00A0";
const NNBSP = "\u202F";

// [input, expected]: U+00A0 before ":", U+202F before ; ! ? » and after «.
const cases: [string, string][] = [
  ["Vraiment ?", `Vraiment${NNBSP}?`],
  ["Quoi !", `Quoi${NNBSP}!`],
  ["Alors ; ensuite", `Alors${NNBSP}; ensuite`],
  ["Note : ceci", `Note${NBSP}: ceci`],
  ["Fin :", `Fin${NBSP}:`],
  ["Deux  espaces  !", `Deux  espaces${NNBSP}!`],
  ["Quoi ?!", `Quoi${NNBSP}?!`],
  ["Déjà insécable\u00A0!", `Déjà insécable${NNBSP}!`],
  ["« Bonjour »", `«${NNBSP}Bonjour${NNBSP}»`],
  ["«Bonjour»", `«${NNBSP}Bonjour${NNBSP}»`],
  ["«  Bonjour  »", `«${NNBSP}Bonjour${NNBSP}»`],
  ["Il a dit « non ! »", `Il a dit «${NNBSP}non${NNBSP}!${NNBSP}»`],
  // Left alone: no space to replace, or not punctuation in running text.
  ["http://example.org", "http://example.org"],
  ["voir https://example.org/a?b=c", "voir https://example.org/a?b=c"],
  ["à 10:30", "à 10:30"],
  ["à 10 h 30", "à 10 h 30"],
  ["Super :)", "Super :)"],
  ["Super :-)", "Super :-)"],
  ["Bien ;)", "Bien ;)"],
  ["Oups :D", "Oups :D"],
  ["Hmm :/", "Hmm :/"],
  ["a:b", "a:b"],
  ["C'est ça?", "C'est ça?"],
  ["Rien à faire", "Rien à faire"],
  ["", ""],
];

for (const [input, expected] of cases) {
  test(`typography: ${JSON.stringify(input)}`, () => {
    assert.equal(applyFrenchSpacing(input), expected);
  });
}

test("typography: guillemets at a text node's edge get their space only when inline content follows or precedes", () => {
  assert.equal(applyFrenchSpacing("dit «", { hasNext: true }), `dit «${NNBSP}`);
  assert.equal(applyFrenchSpacing("dit «"), "dit «");
  assert.equal(applyFrenchSpacing("» et", { hasPrevious: true }), `${NNBSP}» et`);
  assert.equal(applyFrenchSpacing("» et"), "» et");
});

const french = (source: string) =>
  renderMarkdown(source, { frenchTypography: true, siteUrl: "https://tribune.test" }).html;

test("typography: applied through the pipeline, across inline markup", () => {
  assert.equal(french("Il dit «*bonjour*» !"), `<p>Il dit «${NNBSP}<em>bonjour</em>${NNBSP}»${NNBSP}!</p>`);
  assert.equal(french("**Attention** : danger"), `<p><strong>Attention</strong>${NBSP}: danger</p>`);
  assert.equal(french("[Pourquoi ?](/faq)"), `<p><a href="/faq">Pourquoi${NNBSP}?</a></p>`);
  assert.match(
    french("## Et maintenant ?"),
    new RegExp(`<h2 id="user-content-et-maintenant">Et maintenant${NNBSP}\\?`),
  );
});

test("typography: never inside code, URLs or attributes", () => {
  assert.equal(french("`a ? b : c`"), "<p><code>a ? b : c</code></p>");
  assert.equal(french("```js\nx ? y : z\n```"), '<pre><code class="hljs language-js">x ? y : z\n</code></pre>');
  assert.equal(
    french('[lien](https://e.test/?q=a "Titre ?")'),
    '<p><a href="https://e.test/?q=a" title="Titre ?" rel="noopener noreferrer">lien</a></p>',
  );
  assert.equal(french('![Photo ?](/p.jpg "Légende !")').includes("Photo ?"), true);
  assert.match(french("<https://e.test/a?b=1>"), />https:\/\/e.test\/a\?b=1<\/a>/);
  assert.match(french("voir https://e.test/x !"), new RegExp(`>https://e.test/x</a>${NNBSP}!`));
});

test("typography: off by default", () => {
  assert.equal(renderMarkdown("Quoi ? « Non ! »").html, "<p>Quoi ? « Non ! »</p>");
});

test("typography: comments use it too when the blog asks", () => {
  assert.equal(renderMarkdown("Oui !", { kind: "comment", frenchTypography: true }).html, `<p>Oui${NNBSP}!</p>`);
});
