// Reading WordPress exports (lib/import/wxr/parse.ts) and converting their bodies to markdown
// (lib/import/wordpress-html.ts): the groundwork of the WordPress import (issue 14).
import assert from "node:assert/strict";
import { test } from "node:test";
import { autop, captions, wordpressToMarkdown } from "@/lib/import/wordpress-html";
import { readWxr, WxrError, type WxrEvent } from "@/lib/import/wxr/parse";
import { renderMarkdown } from "@/lib/markdown";

async function all(path: string): Promise<WxrEvent[]> {
  const events: WxrEvent[] = [];
  for await (const event of readWxr(path)) events.push(event);
  return events;
}

test("a WXR 1.2 file: the site, its authors, then each item with its categories and comment tree", async () => {
  const [site, item, ...rest] = await all("tests/fixtures/wxr/small.xml");
  assert.equal(rest.length, 0);
  assert.equal(site?.kind, "site");
  if (site?.kind !== "site" || item?.kind !== "item") throw new Error("unexpected events");
  assert.deepEqual(
    [site.site.title, site.site.language, site.site.wxrVersion, site.site.baseSiteUrl],
    ["Le carnet de Josée", "fr-CA", "1.2", "https://carnet.example/blog"],
  );
  assert.deepEqual(site.site.authors, [
    { id: "2", login: "josee", email: "josee@carnet.example", displayName: "Josée Lavoie" },
  ]);
  const post = item.item;
  assert.deepEqual(
    [post.id, post.type, post.status, post.slug, post.title, post.dateGmt, post.guid],
    [
      "12",
      "post",
      "publish",
      "repondre-a-lhebdo",
      "Répondre à l’hebdo « sans fin »",
      "2026-10-30 16:39:49",
      "https://carnet.example/blog/?p=12",
    ],
  );
  assert.deepEqual(
    post.categories.map((c) => [c.domain, c.nicename, c.name]),
    [
      ["category", "societe", "Société"],
      ["post_tag", "medias", "Médias"],
    ],
  );
  assert.deepEqual(
    post.comments.map((c) => [c.id, c.parentId, c.author, c.approved, c.content]),
    [
      ["101", null, "Sylvain Dionne", "1", "Merci d’avoir cité mon article !"],
      ["102", "101", "Josée Lavoie", "0", "@Sylvain Dionne avec plaisir."],
    ],
  );
});

test("a file cut in the middle is refused with where it stopped", async () => {
  await assert.rejects(all("tests/fixtures/wxr/cut.xml"), (error: unknown) => {
    assert.ok(error instanceof WxrError);
    assert.match(error.message, /cut short|not valid XML/);
    return true;
  });
});

test("a real WordPress 6.1 export: one article, every comment, threads kept", async () => {
  // ../shared/bench/wxr-200.xml, copied here so the test needs nothing outside the repository.
  for (const [file, count] of [["tests/fixtures/wxr/wordpress-6.1-200.xml", 200]] as const) {
    const items = (await all(file)).filter((e) => e.kind === "item");
    assert.equal(items.length, 1);
    const comments = items[0]!.kind === "item" ? items[0]!.item.comments : [];
    assert.equal(comments.length, count);
    const ids = new Set(comments.map((c) => c.id));
    assert.ok(
      comments.every((c) => c.parentId === null || ids.has(c.parentId)),
      "every parent is in the file",
    );
  }
});

test("bodies become markdown that renders to the same text, typography exact", () => {
  const html = "Bonjour « tout le monde »\u00a0! Trois points… et 🎉.\n\nAvec <strong>gras</strong>,\nune ligne.";
  const markdown = wordpressToMarkdown(html);
  assert.equal(markdown, "Bonjour « tout le monde »\u00a0! Trois points… et 🎉.\n\nAvec **gras**,\\\nune ligne.");
  const text = renderMarkdown(markdown).html.replace(/<[^>]+>/g, "");
  assert.match(text, /Bonjour « tout le monde »\u00a0! Trois points… et 🎉\./);
  // Block editor markup: comments dropped, structure kept.
  assert.equal(
    wordpressToMarkdown(
      "<!-- wp:heading --><h2>Titre</h2><!-- /wp:heading --><!-- wp:list --><ul><li>un</li><li>deux</li></ul><!-- /wp:list -->",
    ),
    "## Titre\n\n- un\n- deux",
  );
  assert.equal(
    captions('[caption id="a" width="300"]<img src="https://x.example/c.jpg" alt="Un chat"> Le chat[/caption] après'),
    '<p><img src="https://x.example/c.jpg" alt="Un chat"></p><p><em>Le chat</em></p> après',
  );
  assert.equal(autop("<p>déjà</p>\n\nrien"), "<p>déjà</p>\n\nrien");
  assert.equal(autop("a\nb\n\n<ul><li>x</li></ul>"), "<p>a<br>\nb</p>\n<ul><li>x</li></ul>");
});
