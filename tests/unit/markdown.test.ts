import assert from "node:assert/strict";
import { test } from "node:test";
import { renderMarkdown } from "@/lib/markdown";

test("markdown: CommonMark and GFM basics", () => {
  const { html } = renderMarkdown("# Titre\n\n*é* **b** ~~c~~\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] fait\n");
  assert.match(html, /<h1>Titre<\/h1>/);
  assert.match(html, /<em>é<\/em> <strong>b<\/strong> <del>c<\/del>/);
  assert.match(html, /<table>/);
  assert.match(html, /type="checkbox"/);
});

const attacks: [string, RegExp][] = [
  ["<script>alert(1)</script>", /<script/i],
  ['<img src=x onerror="alert(1)">', /onerror/i],
  ["[click](javascript:alert(1))", /javascript:/i],
  ['<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', /data:text/i],
  ['<iframe src="https://evil.test"></iframe>', /<iframe/i],
  ['<div style="background:url(javascript:alert(1))">x</div>', /style=/i],
  ["<svg><script>alert(1)</script></svg>", /<svg|<script/i],
  ['<form action="https://evil.test"><input name=x></form>', /<form/i],
];

for (const [input, forbidden] of attacks) {
  test(`markdown: sanitizes ${input}`, () => {
    assert.doesNotMatch(renderMarkdown(input).html, forbidden);
    assert.doesNotMatch(renderMarkdown(input, "comment").html, forbidden);
  });
}

test("markdown: links come from the syntax tree, not from code", () => {
  const { links } = renderMarkdown(
    "See [this](/open-margins/link-generously) and `[not](/a/b)`\n\n```\n[no](/c/d)\n```",
  );
  assert.deepEqual(links, ["/open-margins/link-generously"]);
});

test("markdown: comment links carry ugc nofollow noopener; comments show no images or headings", () => {
  const { html } = renderMarkdown("# big\n\n![x](https://e.test/x.png) [site](https://e.test)", "comment");
  assert.match(html, /rel="ugc nofollow noopener"/);
  assert.doesNotMatch(html, /<img|<h1/);
});
