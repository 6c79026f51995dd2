import assert from "node:assert/strict";
import { test } from "node:test";
import { returnQuery } from "@/components/layout/header-client";
import { menuCountHtml, personalLinksHtml, type HeaderText } from "@/components/personal/header-links";

// The header's personal links are written as HTML on the server (no client component in the
// layout): what they say for a reader, what the member shell leaves for its script, and escaping.

const text: HeaderText = {
  bell: { zero: "Notifications", one: "Notifications (1 non lue)", other: "Notifications (# non lues)" },
  badge: { zero: "Modération : rien", one: "Modération : 1", other: "Modération : #" },
  badgeShort: "Modération",
  classes: { bell: "bell", count: "count", me: "me" },
};

test("a reader's links carry their name, picture, counts and badge", () => {
  const html = personalLinksHtml(
    {
      person: { handle: "josee", name: "Josée Lavoie", image: null },
      unread: 3,
      waiting: { count: 2, href: "/write/carnet-de-josee/moderation" },
    },
    text,
  );
  assert.match(
    html,
    /<a class="me" href="\/u\/josee" data-personal="me"><img class="avatar" src="\/api\/avatar\/josee"/,
  );
  assert.match(html, /<span>Josée Lavoie<\/span>/);
  assert.match(html, /aria-label="Notifications \(3 non lues\)"/);
  assert.match(html, /data-personal-count="unread">3<\/span>/);
  assert.match(html, /href="\/write\/carnet-de-josee\/moderation" aria-label="Modération : 2"/);
  assert.match(html, /data-personal-count="waiting">2<\/span>/);
  assert.doesNotMatch(html, /\shidden[\s>]/);
  assert.equal(
    menuCountHtml({ person: { handle: "j", name: "J", image: null }, unread: 0, waiting: null }, "count"),
    '<span class="count" data-personal-count="unread" hidden>0</span>',
  );
});

test("someone who moderates nothing gets no badge; the shell names nobody and hides what its script fills", () => {
  const reader = personalLinksHtml(
    { person: { handle: "tom", name: "Tom", image: null }, unread: 0, waiting: null },
    text,
  );
  assert.match(reader, /data-personal="badge"[^>]* hidden>/);
  assert.match(reader, /aria-label="Notifications"/);
  // Labels for the browser only where it says the counts: on the shell.
  assert.doesNotMatch(reader, /data-labels/);
  const shell = personalLinksHtml(null, text);
  assert.match(shell, /<a class="me" href="\/settings" data-personal="me" hidden><img class="avatar" alt=""/);
  assert.doesNotMatch(shell, /src=/);
  assert.match(shell, /data-personal="badge"[^>]* hidden>/);
  assert.match(shell, /data-personal-count="unread" hidden>0/);
  assert.match(menuCountHtml(null, "count"), /hidden>0<\/span>$/);
});

test("names, pictures and labels come out escaped", () => {
  const html = personalLinksHtml(
    {
      person: { handle: "x", name: `<img src=x onerror=alert(1)>"'`, image: `https://e.test/a.png" onerror="alert(1)` },
      unread: 1,
      waiting: { count: 1, href: `/q" onmouseover="alert(1)` },
    },
    { ...text, badgeShort: "<b>M</b>", bell: { ...text.bell, one: `"><script>` } },
  );
  assert.doesNotMatch(html, /<img src=x|<script>|<b>| onerror="| onmouseover="/);
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;&quot;&#39;/);
  // The labels the shell's links carry for the browser are an attribute's JSON, escaped too.
  const shell = personalLinksHtml(null, { ...text, bell: { ...text.bell, other: `"><script># non lues` } });
  assert.doesNotMatch(shell, /<script>/);
  assert.match(shell, /data-labels="\{&quot;zero&quot;:&quot;Notifications&quot;/);
  assert.match(shell, /&quot;other&quot;:&quot;\\&quot;&gt;&lt;script&gt;# non lues&quot;\}"/);
});

test("the sign-in links come back to the page, never to a page of signing in", () => {
  assert.equal(returnQuery("/carnet-de-josee/un-article"), "?from=%2Fcarnet-de-josee%2Fun-article");
  assert.equal(returnQuery("/"), "");
  assert.equal(returnQuery("/login"), "");
  assert.equal(returnQuery("/signup/x"), "");
  assert.equal(returnQuery("/setup"), "");
  assert.equal(returnQuery(""), "");
});
