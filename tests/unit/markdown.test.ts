import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import type { Link, Root, Text } from "mdast";
import { visit } from "unist-util-visit";
import {
  clearRenderCache,
  ensureFreshHtml,
  isStale,
  RENDER_VERSION,
  renderMarkdown,
  renderMarkdownCached,
  renderStored,
  stripRenderMarker,
  type RenderKind,
} from "@/lib/markdown";

const SITE = "https://tribune.test";

test("markdown: CommonMark and GFM basics", () => {
  const { html } = renderMarkdown("# Titre\n\n*é* **b** ~~c~~\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] fait\n");
  // An article's h1 is demoted: the page's own h1 is the title.
  assert.match(html, /<h2 id="user-content-titre">Titre<a class="heading-anchor"/);
  assert.match(html, /<em>é<\/em> <strong>b<\/strong> <del>c<\/del>/);
  assert.match(html, /<table>/);
  assert.match(html, /type="checkbox"/);
});

// Prettier formats the expected files, so whitespace around tags is not significant.
function normalizeHtml(html: string): string {
  return html
    .replace(/\s*\/>/g, ">")
    .replace(/\s+/g, " ")
    .replace(/\s*([<>])\s*/g, "$1")
    .trim();
}

const fixtures = "tests/fixtures/markdown";
for (const file of readdirSync(fixtures).filter((name) => name.endsWith(".md"))) {
  test(`markdown: fixture ${file}`, () => {
    const source = readFileSync(join(fixtures, file), "utf8");
    const expected = readFileSync(join(fixtures, file.replace(/\.md$/, ".html")), "utf8");
    const { html } = renderMarkdown(source, { siteUrl: SITE, locale: "en" });
    assert.equal(normalizeHtml(html), normalizeHtml(expected));
  });
}

// --- Sanitizer ---------------------------------------------------------------------------

const allowedTags = new Set(
  ["p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "span", "em", "strong", "del"].concat([
    "a",
    ...[
      "kbd",
      "sub",
      "s",
      "ins",
      "mark",
      "abbr",
      "small",
      "details",
      "summary",
      "figure",
      "figcaption",
      "dl",
      "dt",
      "dd",
    ],
    "img",
    "ul",
    "ol",
    "li",
    "input",
    "sup",
    "section",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ]),
);
const urlAttributes = new Set(["href", "src", "cite", "action", "formaction", "xlink:href", "poster", "background"]);

/** assertSafeHtml: every tag allowed, no event handler or style, every URL relative or http(s)/mailto. */
function assertSafeHtml(html: string, context: string) {
  // hast-util-to-html always double-quotes attribute values and escapes quotes inside them.
  for (const [, name = "", attributes = ""] of html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    assert.ok(allowedTags.has(name.toLowerCase()), `${context}: tag <${name}> in ${html}`);
    for (const [, attr = "", value = ""] of attributes.matchAll(/\s([^\s="'>/]+)(?:="([^"]*)")?/g)) {
      const lower = attr.toLowerCase();
      assert.ok(!/^on/.test(lower) && lower !== "style" && lower !== "srcdoc", `${context}: ${attr}= in ${html}`);
      if (urlAttributes.has(lower)) {
        const url = value.replace(/&#x?[0-9a-f]+;?/gi, "").replace(/[\s\u0000-\u001f]/g, "");
        assert.match(url, /^(?:https?:|mailto:|[^:]*(?:[/?#]|$))/i, `${context}: ${attr}="${value}"`);
      }
    }
  }
  assert.doesNotMatch(html, /<!--/, `${context}: comment kept in ${html}`);
}

const attacks = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](jav&#x09;ascript:alert(1))",
  "[click](&#106;avascript:alert(1))",
  "[click](<javascript:alert(1)>)",
  "<javascript:alert(1)>",
  "[ref][1]\n\n[1]: javascript:alert(1)",
  '<a href="javascript:alert(1)">raw link</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  "[x](vbscript:msgbox(1))",
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  '<iframe src="https://evil.test"></iframe>',
  '<object data="https://evil.test/x.swf"></object><embed src="https://evil.test/x.swf">',
  "<style>body { display: none }</style>",
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<form action="https://evil.test"><input name=x><button formaction="javascript:alert(1)">go</button></form>',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  '<math href="javascript:alert(1)">click</math>',
  "<!-- <img src=x onerror=alert(1)> -->",
  '[x](https://ok.test "a" onmouseover="alert(1)")',
  "[x](https://ok.test '\" onmouseover=\"alert(1)')",
  "<details open ontoggle=alert(1)>",
  '<base href="https://evil.test/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  "<img src=x onerror=alert(1)//",
  "[\u202Egnp.exe](https://ok.test/\u202Eexe)",
];

for (const kind of ["article", "comment"] satisfies RenderKind[]) {
  for (const input of attacks) {
    test(`markdown: ${kind} sanitizes ${JSON.stringify(input)}`, () => {
      const { html } = renderMarkdown(input, { kind, siteUrl: SITE });
      assertSafeHtml(html, kind);
      assert.doesNotMatch(html, /<script|<iframe|<object|<embed|<style|<form|<svg|<math/i);
      assert.doesNotMatch(html, /(?:href|src)="\s*(?:javascript|vbscript|data):/i);
    });
  }
}

test("markdown: unicode direction overrides stay in link text (harmless), inside a safe link", () => {
  const { html } = renderMarkdown("[\u202Egnp.exe](https://ok.test)", { siteUrl: SITE });
  assert.match(html, /<a href="https:\/\/ok.test" rel="noopener noreferrer">\u202Egnp.exe<\/a>/);
});

test("markdown: a title cannot break out of its attribute", () => {
  const { html } = renderMarkdown('[x](https://ok.test "a\\" onmouseover=\\"alert(1)")', { siteUrl: SITE });
  assert.match(html, /title="a&#x22; onmouseover=&#x22;alert\(1\)"/);
});

// --- Links -------------------------------------------------------------------------------

test("markdown: links come from the syntax tree, not from code", () => {
  const { links } = renderMarkdown(
    "See [this](/open-margins/link-generously) and `[not](/a/b)`\n\n```\n[no](/c/d)\n```",
  );
  assert.deepEqual(links, ["/open-margins/link-generously"]);
});

test("markdown: links include reference-style and bare URLs, never scripts, fragments or mail", () => {
  const { links } = renderMarkdown(
    "[a][ref], https://e.test/x, [b](javascript:alert(1)), [c](#top), [d](mailto:a@b.test), [a again](/p/q)\n\n[ref]: /p/q",
  );
  assert.deepEqual(links, ["/p/q", "https://e.test/x"]);
});

test("markdown: comment links carry ugc nofollow noopener; comments show no images or headings", () => {
  const { html } = renderMarkdown("# big\n\n![x](https://e.test/x.png) [site](https://e.test)", "comment");
  assert.match(html, /rel="ugc nofollow noopener"/);
  assert.doesNotMatch(html, /<img|<h1/);
});

test("markdown: external article links get noopener noreferrer; links to the instance do not", () => {
  const { html } = renderMarkdown(
    "[out](https://elsewhere.test/a) [abs](https://tribune.test/blog/post) [rel](/blog/post) [proto](//evil.test/x)",
    { siteUrl: SITE },
  );
  assert.match(html, /<a href="https:\/\/elsewhere.test\/a" rel="noopener noreferrer">out<\/a>/);
  assert.match(html, /<a href="https:\/\/tribune.test\/blog\/post">abs<\/a>/);
  assert.match(html, /<a href="\/blog\/post">rel<\/a>/);
  assert.match(html, /<a href="\/\/evil.test\/x" rel="noopener noreferrer">proto<\/a>/);
});

test("markdown: the two-argument and options forms agree", () => {
  const source = "Hello **world** [x](https://e.test)";
  assert.deepEqual(renderMarkdown(source, "comment"), renderMarkdown(source, { kind: "comment" }));
  assert.deepEqual(renderMarkdown(source), renderMarkdown(source, { kind: "article" }));
});

// --- Headings, footnotes ----------------------------------------------------------------

test("markdown: headings get prefixed unique ids, a hidden anchor, and an outline", () => {
  const { html, headings } = renderMarkdown(
    "# Intro\n\n## Détails *fins*\n\n### Intro\n\n## Footnote label\n\nx[^1]\n\n[^1]: n",
  );
  assert.deepEqual(headings, [
    { depth: 2, id: "user-content-intro", text: "Intro" },
    { depth: 2, id: "user-content-détails-fins", text: "Détails fins" },
    { depth: 3, id: "user-content-intro-1", text: "Intro" },
    { depth: 2, id: "user-content-footnote-label-1", text: "Footnote label" },
  ]);
  assert.match(
    html,
    /<h3 id="user-content-intro-1">Intro<a class="heading-anchor" href="#user-content-intro-1" aria-hidden="true" tabindex="-1">#<\/a><\/h3>/,
  );
  assert.doesNotMatch(html, /<h1/);
});

test("markdown: every in-page link (footnotes, back links, anchors, author's own) points at an existing id", () => {
  const { html } = renderMarkdown(
    "## Part one\n\nSee [below](#part-two) and a note[^n].\n\n## Part two\n\n[^n]: Note.",
  );
  const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
  const targets = [...html.matchAll(/ href="#([^"]+)"/g)].map((m) => m[1]);
  assert.ok(targets.length >= 5, html);
  for (const target of targets) assert.ok(ids.has(target), `#${target} has no element in ${html}`);
  assert.match(html, /aria-describedby="user-content-footnote-label"/);
  assert.match(html, /<h2 class="sr-only" id="user-content-footnote-label">/);
});

test("markdown: footnote labels follow the locale", () => {
  assert.match(renderMarkdown("a[^1]\n\n[^1]: b", { locale: "fr" }).html, />Notes<\/h2>.*Retour à l’appel de note 1/s);
  assert.match(renderMarkdown("a[^1]\n\n[^1]: b", { locale: "en" }).html, />Footnotes<\/h2>.*Back to reference 1/s);
});

// --- Code, images --------------------------------------------------------------------------

test("markdown: code is highlighted on the server for known languages only", () => {
  const known = renderMarkdown("```python\ndef f(): return 1\n```").html;
  assert.match(known, /<code class="hljs language-python"><span class="hljs-keyword">def<\/span>/);
  assert.match(known, /<span class="hljs-title function_">f<\/span>/);
  const unknown = renderMarkdown("```klingon\nQapla'\n```").html;
  assert.doesNotMatch(unknown, /<span/);
  assert.match(unknown, /Qapla'/);
  assert.equal(renderMarkdown("```\nlet x = 1\n```").html, "<pre><code>let x = 1\n</code></pre>");
  assert.match(renderMarkdown("```js\nlet x\n```", "comment").html, /<span class="hljs-keyword">let<\/span>/);
});

test("markdown: images are lazy, async, and sized from the fragment or the title", () => {
  const { html } = renderMarkdown(
    '![A](/uploads/a.jpg#800x600) ![B](/uploads/b.jpg#=40x30) ![C](/c.jpg "Caption =640x480") ![D](/d.jpg#top "Plain")',
  );
  assert.match(html, /<img src="\/uploads\/a.jpg" alt="A" width="800" height="600" loading="lazy" decoding="async">/);
  assert.match(html, /<img src="\/uploads\/b.jpg" alt="B" width="40" height="30"/);
  assert.match(html, /<img src="\/c.jpg" alt="C" title="Caption" width="640" height="480"/);
  assert.match(html, /<img src="\/d.jpg#top" alt="D" title="Plain" loading="lazy" decoding="async">/);
});

// --- Comment subset ------------------------------------------------------------------------

test("markdown: comments keep the subset and turn the rest into text", () => {
  const { html } = renderMarkdown(
    "## Title\n\n*e* **s** ~~d~~ `c` [l](/x)\n\n> q\n\n1. one\n\n![alt](/i.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nnote[^1]\n\n[^1]: text\n\n<b>raw</b>",
    "comment",
  );
  assert.match(html, /<p><strong>Title<\/strong><\/p>/);
  assert.match(html, /<em>e<\/em> <strong>s<\/strong> <del>d<\/del> <code>c<\/code> <a href="\/x"/);
  assert.match(html, /<blockquote>\n<p>q<\/p>\n<\/blockquote>/);
  assert.match(html, /<ol>\n<li>one<\/li>\n<\/ol>/);
  assert.match(html, /<a href="\/i.png" rel="ugc nofollow noopener">alt<\/a>/);
  assert.match(html, /<p>a \| b<\/p>\n<p>1 \| 2<\/p>/);
  assert.match(html, /<p>note\[1\]<\/p>\n<p>\[1\] text<\/p>/);
  assert.doesNotMatch(html, /<b>|<img|<h\d|<table|<section|<sup| id=/);
});

// --- Plugins -------------------------------------------------------------------------------

/** A stand-in for the mentions plugin: `@Name` → link to /u/name with class "mention". */
function remarkFakeMentions(options: { extra?: Record<string, string> } = {}) {
  return (tree: Root) => {
    visit(tree, "text", (node: Text, index, parent) => {
      const match = /@(\w+)/.exec(node.value);
      if (!match || !parent || index === undefined || parent.type === "link") return;
      const link: Link = {
        type: "link",
        url: `/u/${match[1]!.toLowerCase()}`,
        children: [{ type: "text", value: match[0] }],
        data: { hProperties: { className: ["mention"], dataUserId: `id-${match[1]}`, ...options.extra } },
      };
      const before: Text = { type: "text", value: node.value.slice(0, match.index) };
      const after: Text = { type: "text", value: node.value.slice(match.index + match[0].length) };
      parent.children.splice(index, 1, before, link, after);
    });
  };
}

test("markdown: remarkPlugins run after GFM; mention classes and user ids survive sanitizing", () => {
  for (const kind of ["article", "comment"] satisfies RenderKind[]) {
    const { html, links } = renderMarkdown("Hi @Josee, see `@Code`.", { kind, remarkPlugins: [remarkFakeMentions] });
    assert.match(html, /<a href="\/u\/josee" class="mention" data-user-id="id-Josee"[^>]*>@Josee<\/a>/);
    assert.match(html, /<code>@Code<\/code>/);
    assert.deepEqual(links, [], "plugin links are not the author's links");
  }
});

test("markdown: plugin output is sanitized like the rest", () => {
  const evil = { extra: { onClick: "alert(1)", style: "color:red", className: ["mention", "evil"] } };
  const { html } = renderMarkdown("Hi @Evil", { remarkPlugins: [[remarkFakeMentions, evil]] });
  assertSafeHtml(html, "plugin");
  assert.match(html, /<a href="\/u\/evil" class="mention" data-user-id="id-Evil">@Evil<\/a>/);
});

// --- Text, words, reading time -------------------------------------------------------------

test("markdown: plain text has no markup; words and reading time come from it", () => {
  const rendered = renderMarkdown(
    "# Le titre\n\nUn *texte* avec [un lien](/a) et une note[^1].\n\n- l'article\n\n[^1]: Note.",
  );
  assert.equal(rendered.plainText, "Le titre\nUn texte avec un lien et une note.\nl'article\nNote.");
  assert.equal(rendered.words, 12);
  assert.equal(rendered.readingMinutes, 1);
  const long = renderMarkdown(Array.from({ length: 461 }, (_, i) => `mot${i}`).join(" "));
  assert.equal(long.words, 461);
  assert.equal(long.readingMinutes, 3);
  assert.equal(renderMarkdown("").readingMinutes, 1);
});

// --- Cache ---------------------------------------------------------------------------------

test("markdown: stored HTML carries the version marker; ensureFreshHtml re-renders only when needed", async () => {
  const stored = await renderStored("Hello *you*", "comment");
  assert.match(stored, new RegExp(`^<!--tribune-render:v${RENDER_VERSION} [0-9a-f]{16}--><p>Hello <em>you</em></p>$`));
  assert.equal(stripRenderMarker(stored), "<p>Hello <em>you</em></p>");
  assert.equal(isStale(stored), false);
  assert.equal(isStale("<p>Hello <em>you</em></p>"), true);
  assert.equal(isStale(stored.replace(`v${RENDER_VERSION} `, "v1 ")), true);

  assert.deepEqual(await ensureFreshHtml("Hello *you*", stored, "comment"), { html: stored, changed: false });
  const edited = await ensureFreshHtml("Hello *them*", stored, "comment");
  assert.equal(edited.changed, true);
  assert.match(edited.html, /Hello <em>them<\/em>/);
  assert.equal((await ensureFreshHtml("Hello *you*", stored, { kind: "article" })).changed, true);
  assert.equal((await ensureFreshHtml("Bon !", await renderStored("Bon !"), { frenchTypography: true })).changed, true);
  const old = stored.replace(`v${RENDER_VERSION} `, "v1 ");
  assert.equal((await ensureFreshHtml("Hello *you*", old, "comment")).changed, true);
  assert.equal((await ensureFreshHtml("Hello", null)).changed, true);
});

test("markdown: the render cache returns equal results that callers cannot corrupt", async () => {
  clearRenderCache();
  const first = await renderMarkdownCached("## A\n\n[x](/y)");
  first.links.push("/mutated");
  first.headings[0]!.text = "mutated";
  const second = await renderMarkdownCached("## A\n\n[x](/y)");
  assert.deepEqual(second, renderMarkdown("## A\n\n[x](/y)"));
  assert.notDeepEqual(
    await renderMarkdownCached("## A", { frenchTypography: true }),
    await renderMarkdownCached("## A", "comment"),
  );
});

test("markdown: safe raw HTML in articles is kept, the rest is dropped; comments keep none", () => {
  const source = 'Press <kbd>Ctrl</kbd> <span onclick="x()">here</span><script>alert(1)</script>';
  const article = renderMarkdown(source).html;
  assert.match(article, /<kbd>Ctrl<\/kbd>/);
  assert.doesNotMatch(article, /onclick|<script|alert\(1\)/);
  const comment = renderMarkdown(source, "comment").html;
  assert.doesNotMatch(comment, /<kbd>|<script|onclick/);
});
