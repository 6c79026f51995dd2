// Reading a Webmention source (lib/links/webmention/source.ts): does it link to the target, and
// what does its h-entry say (microformats2, parsed by microformats-parser).
import assert from "node:assert/strict";
import { test } from "node:test";
import { linkedUrls, readSource, sameUrl } from "@/lib/links/webmention/source";
import { sanitizeReceivedHtml } from "@/lib/markdown/sanitize-html";

const target = "https://tribune.example/carnet/la-reponse";
const source = "https://autre.example/2026/11/merci";

const page = (entry: string, extra = "") => `<!doctype html><html><body>${extra}${entry}</body></html>`;

test("a reply: author h-card, content sanitized, date, in-reply-to naming the target", () => {
  const html = page(`
    <article class="h-entry">
      <a class="u-url" href="/2026/11/merci">permalien</a>
      <div class="p-author h-card"><a class="p-name u-url" href="https://autre.example/">Sylvain Dionne</a>
        <img class="u-photo" src="/moi.jpg" alt=""></div>
      <a class="u-in-reply-to" href="${target}">en réponse</a>
      <time class="dt-published" datetime="2026-11-29T14:30:00-05:00">29 nov.</time>
      <div class="e-content"><p>Merci d’avoir cité mon article, <strong>Josée</strong> !</p>
        <script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">piège</a>
        <a href="https://autre.example/source">ma source</a></div>
    </article>`);
  const reading = readSource(html, source, target);
  assert.equal(reading.linksToTarget, true);
  assert.equal(reading.kind, "reply");
  assert.equal(reading.authorName, "Sylvain Dionne");
  assert.equal(reading.authorUrl, "https://autre.example/");
  assert.equal(reading.authorPhoto, "https://autre.example/moi.jpg");
  assert.equal(reading.url, "https://autre.example/2026/11/merci");
  assert.equal(reading.publishedAt?.toISOString(), "2026-11-29T19:30:00.000Z");
  assert.match(reading.contentText ?? "", /^Merci d’avoir cité mon article, Josée !/);
  const html2 = reading.contentHtml ?? "";
  assert.match(html2, /<strong>Josée<\/strong>/);
  assert.doesNotMatch(html2, /script|onerror|javascript:|<img/);
  assert.match(html2, /<a href="https:\/\/autre\.example\/source" rel="nofollow ugc">ma source<\/a>/);
});

test("likes, reposts and bookmarks are told apart; h-cite values count; a plain mention stays a mention", () => {
  const like = page(`<div class="h-entry"><a class="u-like-of" href="${target}">aime</a>
    <span class="p-author h-card"><span class="p-name">Élise</span></span></div>`);
  assert.equal(readSource(like, source, target).kind, "like");
  const repost = page(
    `<div class="h-entry"><div class="u-repost-of h-cite"><a class="u-url" href="${target}/">x</a></div></div>`,
  );
  assert.equal(readSource(repost, source, target).kind, "repost");
  const bookmark = page(`<div class="h-entry"><a class="u-bookmark-of" href="${target}#top">x</a></div>`);
  assert.equal(readSource(bookmark, source, target).kind, "bookmark");
  const mention = page(`<div class="h-entry"><p class="e-content">Voir <a href="${target}">ce billet</a>.</p></div>`);
  const reading = readSource(mention, source, target);
  assert.deepEqual([reading.kind, reading.linksToTarget], ["mention", true]);
  // Replying to something else while linking to us is a mention.
  const elsewhere = page(`<div class="h-entry"><a class="u-in-reply-to" href="https://x.example/a">x</a>
    <a href="${target}">nous</a></div>`);
  assert.equal(readSource(elsewhere, source, target).kind, "mention");
});

test("no link to the target: not verified, whatever the microformats say", () => {
  const html = page(`<div class="h-entry"><span class="p-name">Rien</span>
    <a href="https://tribune.example/carnet/autre-article">autre</a></div>`);
  assert.equal(readSource(html, source, target).linksToTarget, false);
  // A mention of the URL in text, not in a link, does not count either.
  assert.equal(readSource(page(`<p>${target}</p>`), source, target).linksToTarget, false);
  // No h-entry at all, but a link: a mention with no details.
  const bare = readSource(page(`<p><a href="${target}">lien</a></p>`), source, target);
  assert.deepEqual([bare.linksToTarget, bare.kind, bare.authorName, bare.contentText], [true, "mention", null, null]);
});

test("links are read in document order, resolved against the page, with src too", () => {
  const urls = linkedUrls(
    `<a href="/a">a</a><img src="b.png"><template><a href="c">c</a></template><a href=" https://x.example/d ">d</a>`,
    "https://site.example/dir/page",
  );
  assert.deepEqual(urls, [
    "https://site.example/a",
    "https://site.example/dir/b.png",
    "https://site.example/dir/c",
    "https://x.example/d",
  ]);
  assert.ok(sameUrl("https://a.example/x/", "https://a.example/x#frag"));
  assert.ok(!sameUrl("https://a.example/x?y=1", "https://a.example/x"));
  assert.ok(!sameUrl("not a url", "not a url"));
});

test("received HTML keeps only the comment subset", () => {
  const { html, text } = sanitizeReceivedHtml(
    `<h1>Titre</h1><p style="color:red" onclick="x()">Un <em>mot</em></p><iframe src="https://evil.example"></iframe><table><tr><td>t</td></tr></table>`,
  );
  assert.equal(html, "Titre<p>Un <em>mot</em></p>t");
  assert.equal(text, "Titre\n\nUn mot\n\nt");
});
