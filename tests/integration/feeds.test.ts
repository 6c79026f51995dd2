import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { GET as blogRssRoute } from "@/app/(reader)/[blog]/feed.xml/route";
import { captureQueries, db, disconnectDb } from "@/lib/db";
import {
  blogFeed,
  commentsFeed,
  countSitemaps,
  sitemapDocument,
  feedAlternates,
  instanceFeed,
  listSitemapEntries,
  tagFeed,
  type FeedResult,
} from "@/lib/feeds";
import { createBlog, createComment, createPost, createUser } from "../factories";
import { resetDb } from "../setup/db";

const BASE = "http://localhost:3999";
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR);
const TRICKY_TITLE = `Ni <b>& ni "guillemets" ]]>`;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name, jpath) =>
    ["item", "entry", "category", "atom:link"].includes(name) || (name === "link" && String(jpath).startsWith("feed")),
});

type Node = Record<string, unknown>;
const text = (value: unknown): string =>
  typeof value === "object" && value !== null ? String((value as Node)["#text"] ?? "") : String(value ?? "");

/** Validates strictly, then parses. */
function parse(feed: FeedResult | null): Node {
  assert.ok(feed, "feed exists");
  const valid = XMLValidator.validate(feed.xml, { allowBooleanAttributes: false });
  assert.equal(valid, true, `well-formed XML: ${JSON.stringify(valid)}`);
  return parser.parse(feed.xml) as Node;
}
const rssItems = (doc: Node) => ((doc.rss as Node).channel as Node).item as Node[] | undefined;
const atomEntries = (doc: Node) => (doc.feed as Node).entry as Node[] | undefined;

let fr: { slug: string; id: string };
let en: { slug: string; id: string };
const slugs = {} as Record<"old" | "tricky" | "scheduled" | "english", string>;
let trickyPostSlug = "";
let approved: string[] = [];

before(async () => {
  await resetDb();
  const author = await createUser({ name: "Josée Lavoie", handle: "josee" });
  fr = await createBlog({ slug: "carnet", name: "Le carnet", language: "fr", ownerId: author.id });
  en = await createBlog({ slug: "margins", name: "Open Margins", language: "en", ownerId: author.id });
  const post = (blogId: string, slug: string, extra: Partial<Parameters<typeof createPost>[0]> = {}) =>
    createPost({ blogId, authorId: author.id, slug, ...extra });
  const old = await post(fr.id, "ancien", { publishedAt: ago(72), body: "a ]]> b ]]> c [lien](/margins/anglais)" });
  const tricky = await post(fr.id, "piege", { publishedAt: ago(48), title: TRICKY_TITLE });
  const scheduled = await post(fr.id, "programme", { status: "scheduled", publishedAt: ago(24) });
  const english = await post(en.id, "anglais", { publishedAt: ago(1) });
  await post(fr.id, "brouillon", { status: "draft" });
  await post(fr.id, "futur", { publishedAt: new Date(Date.now() + 24 * HOUR) });
  await post(fr.id, "programme-futur", { status: "scheduled", publishedAt: new Date(Date.now() + 24 * HOUR) });
  const deleted = await post(fr.id, "supprime", { publishedAt: ago(2) });
  await db.post.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
  await db.post.update({ where: { id: tricky.id }, data: { excerpt: "Un résumé <i>brut</i> & simple" } });
  Object.assign(slugs, { old: old.slug, tricky: tricky.slug, scheduled: scheduled.slug, english: english.slug });
  trickyPostSlug = tricky.slug;

  const debate = await db.tag.create({ data: { slug: "debat", name: "Débat" } });
  const other = await db.tag.create({ data: { slug: "autre", name: "Autre <&>" } });
  await db.postTag.createMany({
    data: [
      { postId: old.id, tagId: debate.id },
      { postId: english.id, tagId: debate.id },
      { postId: tricky.id, tagId: other.id },
      { postId: deleted.id, tagId: debate.id },
    ],
  });

  const first = await createComment({ postId: tricky.id, authorId: author.id, createdAt: ago(5), body: "Premier" });
  const second = await createComment({ postId: tricky.id, createdAt: ago(3), body: "Second, invité" });
  for (const status of ["pending", "spam", "removed", "deleted"])
    await createComment({ postId: tricky.id, authorId: author.id, status, createdAt: ago(2), body: status });
  approved = [second.id, first.id];
});
after(disconnectDb);

test("feeds: the instance RSS lists public articles of every blog, newest first", async () => {
  const doc = parse(await instanceFeed("rss"));
  const links = rssItems(doc)!.map((item) => text(item.link));
  assert.deepEqual(links, [
    `${BASE}/margins/${slugs.english}`,
    `${BASE}/carnet/${slugs.scheduled}`,
    `${BASE}/carnet/${slugs.tricky}`,
    `${BASE}/carnet/${slugs.old}`,
  ]);
});

test("feeds: a blog's RSS has channel, language, self link and complete items", async () => {
  const feed = await blogFeed("carnet", "rss");
  assert.equal(feed?.contentType, "application/rss+xml; charset=utf-8");
  const doc = parse(feed);
  assert.equal((doc.rss as Node)["@_version"], "2.0");
  const channel = (doc.rss as Node).channel as Node;
  assert.equal(text(channel.title), "Le carnet");
  assert.equal(text(channel.link), `${BASE}/carnet`);
  assert.equal(text(channel.language), "fr");
  const self = (channel["atom:link"] as Node[])[0]!;
  assert.deepEqual([self["@_rel"], self["@_href"]], ["self", `${BASE}/carnet/feed.xml`]);
  const items = rssItems(doc)!;
  assert.deepEqual(
    items.map((item) => text(item.link)),
    [slugs.scheduled, slugs.tricky, slugs.old].map((slug) => `${BASE}/carnet/${slug}`),
  );
  const tricky = items[1]!;
  assert.equal(text(tricky.title), TRICKY_TITLE);
  assert.equal(text(tricky.guid), `${BASE}/carnet/${slugs.tricky}`);
  assert.equal((tricky.guid as Node)["@_isPermaLink"], "true");
  assert.equal(text(tricky["dc:creator"]), "Josée Lavoie");
  assert.deepEqual((tricky.category as Node[]).map(text), ["Autre <&>"]);
  // description is HTML for RSS readers: the plain-text excerpt arrives HTML-escaped.
  assert.equal(text(tricky.description), "Un résumé &lt;i&gt;brut&lt;/i&gt; &amp; simple");
  assert.ok(new Date(text(tricky.pubDate)).getTime() > 0);
  const old = items[2]!;
  assert.match(text(old["content:encoded"]), /a \]\]> b \]\]> c/);
  assert.match(text(old["content:encoded"]), new RegExp(`href="${BASE}/margins/anglais"`), "links made absolute");
});

test("feeds: a title containing <b>& is escaped, never raw markup", async () => {
  for (const format of ["rss", "atom"] as const) {
    const feed = await blogFeed("carnet", format);
    assert.ok(feed);
    assert.ok(feed.xml.includes("Ni &lt;b&gt;&amp; ni &quot;guillemets&quot; ]]&gt;"), format);
    assert.ok(!feed.xml.includes("<b>"), format);
    assert.ok(!feed.xml.includes("CDATA"), format);
  }
});

test("feeds: a blog's Atom has id, updated, alternate and self links, entries newest first", async () => {
  const feed = await blogFeed("carnet", "atom");
  assert.equal(feed?.contentType, "application/atom+xml; charset=utf-8");
  const root = parse(feed).feed as Node;
  assert.equal(root["@_xmlns"], "http://www.w3.org/2005/Atom");
  assert.equal(root["@_xml:lang"], "fr");
  assert.equal(text(root.id), `${BASE}/carnet`);
  assert.equal(text(root.title), "Le carnet");
  const links = root.link as Node[];
  assert.ok(links.some((l) => l["@_rel"] === "alternate" && l["@_href"] === `${BASE}/carnet`));
  assert.ok(links.some((l) => l["@_rel"] === "self" && l["@_href"] === `${BASE}/carnet/atom.xml`));
  const entries = atomEntries({ feed: root })!;
  assert.deepEqual(
    entries.map((entry) => text(entry.id)),
    [slugs.scheduled, slugs.tricky, slugs.old].map((slug) => `${BASE}/carnet/${slug}`),
  );
  const updated = entries.map((entry) => text(entry.updated)).sort();
  assert.equal(text(root.updated), updated.at(-1), "feed updated = latest entry update");
  const tricky = entries[1]!;
  assert.equal(text(tricky.title), TRICKY_TITLE);
  assert.equal((tricky.title as Node)["@_type"], "text");
  assert.equal(text(tricky.summary), "Un résumé <i>brut</i> & simple");
  assert.equal((tricky.content as Node)["@_type"], "html");
  const alternate = (tricky.link as Node[])[0]!;
  assert.deepEqual([alternate["@_rel"], alternate["@_href"]], ["alternate", `${BASE}/carnet/${slugs.tricky}`]);
  assert.equal(text((tricky.author as Node).name), "Josée Lavoie");
  assert.equal(text((tricky.author as Node).uri), `${BASE}/u/josee`);
  assert.deepEqual(
    (tricky.category as Node[]).map((c) => [c["@_term"], c["@_label"]]),
    [["autre", "Autre <&>"]],
  );
  assert.ok(!Number.isNaN(Date.parse(text(tricky.published))));
});

test("feeds: a tag's feeds hold only its public articles, across blogs", async () => {
  const rss = parse(await tagFeed("debat", "rss"));
  assert.deepEqual(
    rssItems(rss)!.map((item) => text(item.link)),
    [`${BASE}/margins/${slugs.english}`, `${BASE}/carnet/${slugs.old}`],
  );
  const atom = parse(await tagFeed("debat", "atom"));
  assert.deepEqual(
    atomEntries(atom)!.map((entry) => entry["@_xml:lang"]),
    ["en", "fr"],
  );
});

test("feeds: an article's comment feeds hold only approved comments, newest first", async () => {
  const permalink = `${BASE}/carnet/${trickyPostSlug}`;
  const rss = parse(await commentsFeed("carnet", trickyPostSlug, "rss"));
  const items = rssItems(rss)!;
  assert.deepEqual(
    items.map((item) => text(item.guid)),
    approved.map((id) => `${permalink}#comment-${id}`),
  );
  assert.deepEqual(
    items.map((item) => text(item["dc:creator"])),
    ["Guest", "Josée Lavoie"],
  );
  const self = (((rss.rss as Node).channel as Node)["atom:link"] as Node[])[0]!;
  assert.equal(self["@_href"], `${permalink}/comments.xml`);
  const atom = parse(await commentsFeed("carnet", trickyPostSlug, "atom"));
  assert.deepEqual(
    atomEntries(atom)!.map((entry) => text(entry.id)),
    approved.map((id) => `${permalink}#comment-${id}`),
  );
  assert.ok(text((atom.feed as Node).title).includes(TRICKY_TITLE));
});

test("feeds: missing or non-public blogs, tags and articles give null", async () => {
  assert.equal(await blogFeed("nope", "rss"), null);
  assert.equal(await tagFeed("nope", "atom"), null);
  assert.equal(await commentsFeed("nope", trickyPostSlug, "rss"), null);
  assert.equal(await commentsFeed("carnet", "brouillon", "rss"), null);
  assert.equal(await commentsFeed("carnet", "futur", "atom"), null);
  assert.equal(await commentsFeed("carnet", "supprime", "atom"), null);
  assert.equal(await commentsFeed("margins", trickyPostSlug, "atom"), null, "the article belongs to another blog");
});

test("feeds: an empty blog still gives a valid feed", async () => {
  await createBlog({ slug: "vide", name: "Vide" });
  assert.equal(rssItems(parse(await blogFeed("vide", "rss"))), undefined);
  assert.equal(atomEntries(parse(await blogFeed("vide", "atom"))), undefined);
});

test("feeds: the item query count does not grow with the number of articles", async () => {
  const user = await createUser();
  const small = await createBlog({ ownerId: user.id });
  const large = await createBlog({ ownerId: user.id });
  const tag = await db.tag.create({ data: { slug: "n-plus-un", name: "N+1" } });
  await createPost({ blogId: small.id, authorId: user.id });
  for (let i = 0; i < 12; i++) {
    const created = await createPost({ blogId: large.id, authorId: user.id });
    await db.postTag.create({ data: { postId: created.id, tagId: tag.id } });
  }
  const count = async (slug: string) => (await captureQueries(() => blogFeed(slug, "rss"))).queries.length;
  assert.equal(await count(large.slug), await count(small.slug));
});

test("feeds: the route answers with the feed's type, a 5-minute cache, and 404s", async () => {
  const ok = await blogRssRoute(new Request(`${BASE}/carnet/feed.xml`), {
    params: Promise.resolve({ blog: "carnet" }),
  });
  assert.equal(ok.status, 200);
  assert.equal(ok.headers.get("content-type"), "application/rss+xml; charset=utf-8");
  assert.equal(ok.headers.get("cache-control"), "public, max-age=300");
  assert.equal(XMLValidator.validate(await ok.text()), true);
  for (const blog of ["nope", "Not a slug!"]) {
    const missing = await blogRssRoute(new Request(`${BASE}/x/feed.xml`), { params: Promise.resolve({ blog }) });
    assert.equal(missing.status, 404);
  }
});

test("discovery: pages advertise their feeds with absolute URLs", () => {
  const types = feedAlternates({ blogSlug: "carnet", postSlug: "piege" }, { blog: "Le carnet" });
  assert.deepEqual(
    (types["application/rss+xml"] as { url: string }[]).map((link) => link.url),
    [`${BASE}/carnet/piege/comments.xml`, `${BASE}/carnet/feed.xml`],
  );
  assert.deepEqual((types["application/atom+xml"] as { url: string; title: string }[])[1], {
    url: `${BASE}/carnet/atom.xml`,
    title: "Le carnet (Atom)",
  });
  assert.deepEqual(
    (feedAlternates()["application/rss+xml"] as { url: string }[]).map((link) => link.url),
    [`${BASE}/feed.xml`],
  );
});

test("sitemap: home, blogs, tags, authors and public articles, nothing private", async () => {
  assert.equal(await countSitemaps(), 1);
  const urls = (await listSitemapEntries(0)).map((entry) => entry.url);
  for (const url of [
    `${BASE}/`,
    `${BASE}/carnet`,
    `${BASE}/margins`,
    `${BASE}/tags/debat`,
    `${BASE}/u/josee`,
    `${BASE}/carnet/${slugs.scheduled}`,
    `${BASE}/margins/${slugs.english}`,
  ])
    assert.ok(urls.includes(url), url);
  for (const slug of ["brouillon", "futur", "programme-futur", "supprime"])
    assert.ok(!urls.includes(`${BASE}/carnet/${slug}`), slug);
  assert.equal(new Set(urls).size, urls.length, "no duplicates");
  const entry = (await listSitemapEntries(0)).find((e) => e.url === `${BASE}/carnet/${slugs.old}`);
  assert.ok(entry?.lastModified instanceof Date);
  assert.deepEqual(await listSitemapEntries(1), []);
  // /sitemap.xml holds them directly while they fit in one file.
  const xml = await sitemapDocument();
  assert.equal(XMLValidator.validate(xml), true);
  assert.match(xml, /^<\?xml[^>]*>\n<urlset /);
  assert.ok(xml.includes(`<loc>${BASE}/carnet/${slugs.scheduled}</loc>`));
});
