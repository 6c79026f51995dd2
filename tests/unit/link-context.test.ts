// "Cité par" shows the sentence around a link (lib/links/context.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import { linkContexts, linkKey, sentenceAround } from "@/lib/links/context";

test("the sentence that holds the link, from the rendered article", () => {
  const html = `<h2 id="x">Deux réponses</h2>
    <p>Je commence ailleurs. Comme l’écrit <a href="/carnet/premier">Sylvain</a> dans son billet, la ville change ! Mais pas vite.</p>
    <ul><li>Voir aussi <a href="https://autre.example/é">l’autre carnet</a>.<ul><li>Note <a href="/x">x</a>.</li></ul></li></ul>
    <blockquote><p>« Une citation de <a href="/carnet/second">Josée</a> » — dit-elle.</p></blockquote>`;
  const contexts = linkContexts(html);
  assert.equal(contexts.get("/carnet/premier"), "Comme l’écrit Sylvain dans son billet, la ville change !");
  assert.equal(contexts.get(linkKey("https://autre.example/%C3%A9")), "Voir aussi l’autre carnet.");
  assert.equal(contexts.get(linkKey("https://autre.example/é")), "Voir aussi l’autre carnet.");
  assert.equal(contexts.get("/x"), "Note x.");
  assert.equal(contexts.get("/carnet/second"), "« Une citation de Josée » — dit-elle.");
});

test("a long sentence is cut around the link", () => {
  const words = "mot ".repeat(200);
  const text = `${words}le lien ${words}.`;
  const start = text.indexOf("le lien");
  const sentence = sentenceAround(text, start, start + "le lien".length);
  assert.ok(sentence.length <= 282, String(sentence.length));
  assert.match(sentence, /^….*le lien.*…$/);
});
