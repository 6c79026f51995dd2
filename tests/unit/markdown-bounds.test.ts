import assert from "node:assert/strict";
import { after, test } from "node:test";
import { AppError } from "@/lib/errors";
import { checkMarkdownBounds, RenderPool, renderMarkdown } from "@/lib/markdown";
import { buildArticle } from "../../scripts/bench/article-text";
import { hostileMarkdown } from "../fixtures/hostile-markdown";

// The pool the app uses, with its defaults (2 workers, 0.9 s per job): every hostile text is
// refused with a reason or rendered, never left running.
const pool = new RenderPool({ size: 2, timeoutMs: 900 });
after(() => pool.close());

// Articles at 50,000 characters, a long article (the bench also times the longest allowed).
const ARTICLE_SIZE = 50_000;
const REFUSALS = /^validation\.markdown(TooLong|TooDeep|TooManyBrackets|TooManyTags|TooComplex)$/;

test("markdown bounds: every pathological text, as a comment (5,000 characters) and as an article (50,000), is refused with a reason or rendered", async () => {
  const outcomes = await Promise.all(
    Object.entries(hostileMarkdown).flatMap(([name, source]) =>
      (["comment", "article"] as const).map(async (kind) => {
        const text = source.slice(0, kind === "comment" ? 5_000 : ARTICLE_SIZE);
        try {
          const rendered = await pool.render(text, { kind, frenchTypography: true, locale: "fr" });
          assert.equal(typeof rendered.html, "string", `${name} (${kind})`);
          return "rendered";
        } catch (error) {
          assert.ok(error instanceof AppError, `${name} (${kind}): ${String(error)}`);
          assert.equal(error.code, "INVALID_INPUT");
          assert.match(error.message, REFUSALS, `${name} (${kind})`);
          return error.message;
        }
      }),
    ),
  );
  // Both kinds of outcome happen: the bounds are not simply "refuse everything".
  assert.ok(outcomes.includes("rendered"));
  assert.ok(outcomes.includes("validation.markdownTooDeep"));
  assert.deepEqual(pool.stats(), { busy: 0, queued: 0, workers: pool.stats().workers });
});

test("markdown bounds: deep nesting of each container kind is refused before parsing, naming the line", () => {
  const deep = {
    bullets: "- ".repeat(40) + "x",
    ordered: "1. ".repeat(40) + "x",
    quotes: "> ".repeat(40) + "x",
    mixed: "> - ".repeat(20) + "x",
    indented: Array.from({ length: 40 }, (_, i) => `${"  ".repeat(i)}- x`).join("\n"),
  };
  for (const [name, source] of Object.entries(deep)) {
    const refusal = checkMarkdownBounds(source, "comment");
    assert.equal(refusal?.reason, "markdownTooDeep", name);
    assert.ok(refusal!.line >= 1, name);
  }
  assert.equal(checkMarkdownBounds("[".repeat(100) + "x", "comment")?.reason, "markdownTooManyBrackets");
  assert.equal(checkMarkdownBounds("<div>".repeat(100), "article")?.reason, "markdownTooManyTags");
  assert.throws(() => renderMarkdown("> ".repeat(40) + "x", "comment"), /markdownTooDeep/);
});

test("markdown bounds: ordinary writing is never refused", async () => {
  // A generous clock: this is about the bounds, and a busy test machine is slower than a server.
  const patient = new RenderPool({ size: 1, timeoutMs: 30_000 });
  const ordinary = [
    buildArticle(25_000),
    "- a\n  - b\n    - c\n      - d\n        - e\n          - f",
    "> quoted\n> > quoted twice\n> > > three times",
    "```\n" + " ".repeat(120) + "deeply indented code\n" + "- ".repeat(60) + "\n```",
    "    indented code block " + " ".repeat(200) + "!",
    "Un texte « entre guillemets » : il faut ; des espaces !",
    "<details><summary>Plus</summary>\n\n<p>Un <br> deux <img src=/a.png> <p>trois</details>",
    "See <https://example.org> and <mailto:a@b.c>; [link [with] brackets](https://example.org)",
  ];
  try {
    for (const source of ordinary) {
      assert.equal(checkMarkdownBounds(source, "article"), null, source.slice(0, 60));
      const rendered = await patient.render(source, { kind: "article", frenchTypography: true, locale: "fr" });
      assert.ok(rendered.html.length > 0);
    }
  } finally {
    await patient.close();
  }
});

test("markdown bounds: a text that ran out of time is refused again at once, and the pool keeps serving", async () => {
  const slow = new RenderPool({ size: 1, timeoutMs: 100 });
  try {
    const text = hostileMarkdown["setext headings"]!;
    await assert.rejects(slow.render(text, "article"), /markdownTooComplex/);
    assert.equal(slow.stats().busy, 0);
    await assert.rejects(slow.render(text, "article"), /markdownTooComplex/);
    // Its replacement worker renders the next text.
    assert.match((await slow.render("*fine*", "comment")).html, /<em>fine<\/em>/);
  } finally {
    await slow.close();
  }
});
