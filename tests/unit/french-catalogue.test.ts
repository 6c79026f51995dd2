// The interface's own French gets the care the pipeline gives articles (issue 15, item 1): no
// line may start with ? ! ; : or », so each has a no-break space before it, « one after it; and a
// blog's name, which often starts with an article ("Le carnet de Josée"), never follows "de" or "à".
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadMessages } from "@/lib/i18n/catalog";

const NO_BREAK = "[\u00A0\u202F]";

/** messages: every French message with its dotted key. */
function messages(value: unknown = loadMessages("fr"), prefix = ""): [string, string][] {
  return value && typeof value === "object"
    ? Object.entries(value).flatMap(([key, child]) => messages(child, `${prefix}${key}.`))
    : [[prefix.slice(0, -1), String(value)]];
}

const faults: [string, RegExp][] = [
  ["a breaking space before ? ! ; : or »", /[ \t\n][?!;:»]/],
  ["no space before ? ! or ;", /[\p{L}\p{N}»)’…”][?!;](?=$|[\s»"”’.)])/u],
  ["no space before a colon", /\p{L}:(?=$|\s)/u],
  ["« without a no-break space after it", new RegExp(`«(?!${NO_BREAK})`)],
  ["» without a no-break space before it", new RegExp(`(?<!${NO_BREAK})»`)],
  ['a blog\'s name after de or à ("de Le carnet")', /(?<!\p{L})(?:de|à) \{blog\w*\}/iu],
];

test("i18n: French messages space their punctuation as French typesetting does", () => {
  const found = messages().flatMap(([key, text]) =>
    faults.filter(([, pattern]) => pattern.test(text)).map(([fault]) => `${key}: ${fault}: ${JSON.stringify(text)}`),
  );
  assert.deepEqual(found, []);
});

test("i18n: the check finds the faults it is for", () => {
  const caught = (text: string) => faults.some(([, pattern]) => pattern.test(text));
  assert.ok(caught("Mot de passe oublié?"));
  assert.ok(caught("l'article; il"));
  assert.ok(caught("Thème : clair"));
  assert.ok(caught("Titre:"));
  assert.ok(caught("Articles sous « {tag} »"));
  assert.ok(caught("Retour à {blog}"));
  assert.ok(!caught("Mot de passe oublié\u202F?"));
  assert.ok(!caught("Thème\u00A0: clair, https://exemple.test/?q=1 à 10:30"));
  assert.ok(!caught("Articles sous «\u202F{tag}\u202F»"));
});

test('i18n: a blog\'s settings and members pages name it after a dash, never after "de"', () => {
  const fr = new Map(messages());
  assert.equal(fr.get("blogsAdmin.settingsOf"), "Réglages — {blog}");
  assert.equal(fr.get("blogsAdmin.membersOf"), "Membres — {blog}");
});
