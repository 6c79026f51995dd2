// Webmention endpoint discovery (W3C §3.1.2), on the cases of the Recommendation's test suite
// (webmention.rocks discovery tests 1-23), as pure functions of a header and a page.
import assert from "node:assert/strict";
import { test } from "node:test";
import { endpointFromHtml, endpointFromLinkHeader } from "@/lib/links/webmention/discover";

const base = "https://site.example/test/1";

test("Link header: relative, absolute, odd casing, quoted or not, several values, several headers", () => {
  assert.equal(
    endpointFromLinkHeader(`</test/1/webmention>; rel=webmention`, base),
    "https://site.example/test/1/webmention",
  );
  assert.equal(
    endpointFromLinkHeader(`<https://hooks.example/wm>; rel="webmention"`, base),
    "https://hooks.example/wm",
  );
  assert.equal(endpointFromLinkHeader(`</wm>; REL="WebMention"`, base), "https://site.example/wm");
  assert.equal(endpointFromLinkHeader(`</wm>; rel="webmention somethingelse"`, base), "https://site.example/wm");
  assert.equal(
    endpointFromLinkHeader(`</other>; rel="other", </wm>; rel="webmention"`, base),
    "https://site.example/wm",
  );
  // Two headers arrive joined by a comma: the first webmention value wins.
  assert.equal(
    endpointFromLinkHeader(`</a>; rel="webmention", </b>; rel="webmention"`, base),
    "https://site.example/a",
  );
  assert.equal(endpointFromLinkHeader(`</x>; rel="not-webmention"`, base), null);
  assert.equal(endpointFromLinkHeader(null, base), null);
  assert.equal(endpointFromLinkHeader(`garbage without brackets`, base), null);
});

test("HTML: <link> and <a>, relative and absolute, the first in document order", () => {
  const page = (body: string) => `<!doctype html><html><head></head><body>${body}</body></html>`;
  assert.equal(endpointFromHtml(page(`<link rel="webmention" href="/wm">`), base), "https://site.example/wm");
  assert.equal(
    endpointFromHtml(page(`<a rel="webmention" href="https://x.example/wm">e</a>`), base),
    "https://x.example/wm",
  );
  assert.equal(
    endpointFromHtml(page(`<a href="../a" rel="webmention">a</a><link rel="webmention" href="/b">`), base),
    "https://site.example/a",
  );
  // Relative to the page's path, query string kept.
  assert.equal(
    endpointFromHtml(page(`<link rel="webmention" href="wm?version=1&amp;x=2">`), base),
    "https://site.example/test/wm?version=1&x=2",
  );
  // Empty href: the page itself.
  assert.equal(endpointFromHtml(page(`<link rel="webmention" href="">`), base), base);
  // Not a match: rel that only contains the word, an endpoint inside a comment, escaped markup, no href.
  assert.equal(endpointFromHtml(page(`<link rel="not-webmention" href="/x">`), base), null);
  assert.equal(
    endpointFromHtml(
      page(`<!-- <link rel="webmention" href="/false"> --><a rel="webmention" href="/true">t</a>`),
      base,
    ),
    "https://site.example/true",
  );
  assert.equal(
    endpointFromHtml(
      page(`<code>&lt;a rel="webmention" href="/false"&gt;</code><link rel="webmention" href="/true">`),
      base,
    ),
    "https://site.example/true",
  );
  assert.equal(
    endpointFromHtml(page(`<link rel="webmention"><link rel="webmention" href="/true">`), base),
    "https://site.example/true",
  );
  assert.equal(
    endpointFromHtml(page(`<link rel="stylesheet webmention" href="/multi">`), base),
    "https://site.example/multi",
  );
  assert.equal(endpointFromHtml(page(`<p>no endpoint</p>`), base), null);
});
