import assert from "node:assert/strict";
import { test } from "node:test";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { AppError } from "@/lib/errors";
import { renderMarkdown } from "@/lib/markdown";
import { pickMentions, type MentionPerson } from "@/lib/mentions/match";
import { parseMentionCandidates } from "@/lib/mentions/parse";
import { remarkMentions } from "@/lib/mentions/remark-mentions";
import { mentionKey, stripInvisible } from "@/lib/mentions/scan";

const person = (id: string, handle: string, name: string, rank: number): MentionPerson => ({
  id,
  handle,
  name,
  handleKey: handle.toLowerCase(),
  nameKey: mentionKey(name),
  rank,
});

const sylvainD = person("u-sd", "sylvaind", "Sylvain Dionne", 1);
const sylvainT = person("u-st", "stremblay", "Sylvain Tremblay", 2);
const josee = person("u-jl", "josee", "Josée Lavoie", 0);
const etienne = person("u-ed", "EtienneDenis", "Étienne Denis", 2);
const people = [sylvainD, sylvainT, josee, etienne];

const resolve = (markdown: string, list: MentionPerson[] = people) =>
  pickMentions(parseMentionCandidates(markdown), list);
const ids = (markdown: string, list?: MentionPerson[]) => resolve(markdown, list).users.map((user) => user.id);

function render(markdown: string, list: MentionPerson[] = people): string {
  const resolved = resolve(markdown, list);
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkMentions(resolved))
    .use(remarkRehype)
    .use(rehypeStringify);
  return String(processor.processSync(markdown));
}

test("mentions: found in text, never in code, code blocks or links", () => {
  const markdown = [
    "Hello @josee and `@stremblay` in code,",
    "```\n@EtienneDenis in a block\n```",
    "[@sylvaind](https://example.test) is a link; mail josee@example.test.",
  ].join("\n\n");
  assert.deepEqual(ids(markdown), ["u-jl"]);
  const html = render(markdown);
  assert.match(html, /<a href="\/u\/josee" class="mention" data-user-id="u-jl">@Josée Lavoie<\/a>/);
  assert.match(html, /<code>@stremblay<\/code>/);
  assert.doesNotMatch(html, /data-user-id="u-ed"|data-user-id="u-sd"/);
});

test("mentions: longest match first, a full name beats its first word", () => {
  assert.deepEqual(ids("Merci @Sylvain Dionne pour ça"), ["u-sd"]);
  assert.deepEqual(ids("@Sylvain Tremblay a raison"), ["u-st"]);
  // A first name alone names the one person of the thread who bears it (Dionne commented; Tremblay did not).
  assert.deepEqual(ids("@Sylvain, tu exagères"), ["u-sd"]);
  const html = render("Merci @Sylvain Dionne pour ça");
  assert.match(html, /<a[^>]*data-user-id="u-sd"[^>]*>@Sylvain Dionne<\/a> pour ça/);
});

test("mentions: case and accents are ignored, handles and names both work", () => {
  assert.deepEqual(ids("@JOSEE LAVOIE"), ["u-jl"]);
  assert.deepEqual(ids("@josée lavoie"), ["u-jl"]);
  assert.deepEqual(ids("@etiennedenis"), ["u-ed"]);
  assert.deepEqual(ids("@Etienne Denis"), ["u-ed"]);
  assert.deepEqual(ids("@Josée"), ["u-jl"]);
});

test("mentions: the chip reads @ and the display name, whatever was typed", () => {
  // Typed as a handle, in another case, without accents, or as a first name: one chip per person.
  for (const typed of ["@EtienneDenis", "@etiennedenis", "@etienne denis", "@ÉTIENNE DENIS"]) {
    const html = render(`Merci ${typed} !`);
    assert.match(html, /<a href="\/u\/EtienneDenis" class="mention" data-user-id="u-ed">@Étienne Denis<\/a> !/, typed);
    assert.doesNotMatch(html, new RegExp(`>${typed}<`), typed);
  }
  assert.match(render("@Sylvain, tu exagères"), /<a[^>]*data-user-id="u-sd"[^>]*>@Sylvain Dionne<\/a>, tu exagères/);
  // Side by side, a handle and a name read alike.
  const html = render("@EtienneDenis et @Sylvain Dionne");
  assert.deepEqual(
    [...html.matchAll(/class="mention"[^>]*>([^<]*)<\/a>/g)].map((match) => match[1]),
    ["@Étienne Denis", "@Sylvain Dionne"],
  );
});

test("mentions: punctuation after a name ends it", () => {
  for (const text of [
    "@Josée, oui",
    "@Josée: oui",
    "@Josée Lavoie.",
    "(@Josée Lavoie)",
    "@Josée Lavoie !",
    "@Josée?",
  ]) {
    assert.deepEqual(ids(text), ["u-jl"], text);
  }
  assert.match(render("@Josée Lavoie, oui"), />@Josée Lavoie<\/a>, oui/);
});

test("mentions: zero-width characters and bidi controls do not hide a name and are not rendered", () => {
  const tricky = "@Jo\u200bs\u202eée Lav\u2066oie merci";
  assert.equal(stripInvisible(tricky), "@Josée Lavoie merci");
  assert.deepEqual(ids(tricky), ["u-jl"]);
  const html = render(tricky);
  assert.match(html, />@Josée Lavoie<\/a>/);
  assert.doesNotMatch(html.match(/<a[^>]*>[^<]*<\/a>/)?.[0] ?? "", /[\u200b\u202e\u2066]/);
  assert.deepEqual(ids("\u200b@josee"), ["u-jl"]);
});

test("mentions: unknown names stay text; strangers sharing a name are not guessed", () => {
  assert.deepEqual(ids("@Nobody here and @Sylvain Inconnu"), ["u-sd"]);
  assert.doesNotMatch(render("@Nobody here"), /<a/);
  const twins = [person("a", "a1", "Marc Roy", 2), person("b", "b1", "Marc Roy", 2)];
  assert.deepEqual(ids("@Marc Roy", twins), []);
  assert.deepEqual(ids("@Marc Roy", [...twins, person("c", "c1", "Marc Roy", 1)]), ["c"]);
});

test("mentions: a tie is never resolved silently (thread first, then plain text)", () => {
  const roy = (id: string, rank: number) => person(id, `roy${id}`, "Marc Roy", rank);
  // One person of the thread bears the name: they win over any number of strangers.
  assert.deepEqual(ids("@Marc Roy", [roy("a", 2), roy("b", 2), roy("c", 1)]), ["c"]);
  assert.deepEqual(ids("@Marc Roy", [roy("a", 2), roy("c", 0)]), ["c"]);
  // Two people of the thread share it (author and commenter alike, or two commenters): text.
  for (const thread of [
    [roy("a", 0), roy("b", 1)],
    [roy("a", 1), roy("b", 1)],
    [roy("a", 1), roy("b", 1), roy("c", 2)],
  ]) {
    assert.deepEqual(ids("@Marc Roy, merci", thread), []);
    assert.doesNotMatch(render("@Marc Roy, merci", thread), /<a/);
  }
  // Nobody of the thread, several elsewhere: text.
  assert.deepEqual(ids("@Marc Roy", [roy("a", 2), roy("b", 2)]), []);
  // An ambiguous name does not fall back to a shorter reading that names someone else.
  const marc = person("m", "marc", "Marc Tremblay", 2);
  const list = [roy("a", 1), roy("b", 1), marc];
  assert.deepEqual(ids("@Marc Roy a raison", list), []);
  assert.doesNotMatch(render("@Marc Roy a raison, pas @marc", list), /data-user-id="[ab]"|>@Marc<\/a>/);
  assert.match(render("@Marc Roy a raison, pas @marc", list), /<a[^>]*data-user-id="m"[^>]*>@Marc Tremblay<\/a>/);
  // A first name shared by two people of the thread names nobody.
  assert.deepEqual(ids("@Marc", [person("x", "x1", "Marc Roy", 1), person("y", "y1", "Marc Côté", 0)]), []);
  // Handles are unique: always unambiguous, even when names collide.
  assert.deepEqual(ids("@roya @royb", [roy("a", 1), roy("b", 1)]), ["a", "b"]);
  // Someone renamed to the name of a person of the thread does not receive that person's mentions.
  const impostor = person("i", "impostor", "Josée Lavoie", 2);
  assert.deepEqual(ids("@Josée Lavoie", [josee, impostor]), ["u-jl"]);
  assert.deepEqual(ids("@Josée Lavoie", [{ ...josee, rank: 2 }, impostor]), []);
});

test("mentions: de-duplicated, and a flood of @ is refused", () => {
  assert.deepEqual(ids("@josee @Josée Lavoie @JOSEE"), ["u-jl"]);
  const flood = Array.from({ length: 60 }, (_, i) => `@name${i}`).join(" ");
  assert.throws(
    () => parseMentionCandidates(flood),
    (error) =>
      error instanceof AppError && error.code === "INVALID_INPUT" && error.message === "validation.tooManyMentions",
  );
});

test("mentions: through renderMarkdown's comment pipeline the link survives sanitizing", () => {
  const resolved = resolve("Salut @Josée Lavoie !");
  const { html } = renderMarkdown("Salut @Josée Lavoie !", {
    kind: "comment",
    remarkPlugins: [remarkMentions(resolved)],
  });
  assert.match(html, /<a [^>]*href="\/u\/josee"[^>]*>@Josée Lavoie<\/a>/);
  assert.match(html, /class="mention"/);
  assert.match(html, /data-user-id="u-jl"/);
});
