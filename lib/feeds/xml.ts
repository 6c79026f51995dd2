// RSS 2.0 and Atom 1.0 writers. Hand-written rather than the `feed` package: feed v6 puts
// titles in CDATA typed "html" (a title "<b>&" would render as markup), splits only the first
// "]]>" of a CDATA section, leaves "<" unescaped in attributes and does not drop the control
// characters XML 1.0 forbids; any of these makes a feed invalid or wrong.

/** A feed entry: one article or one comment. */
export type FeedEntry = {
  title: string;
  /** Absolute permalink; also the entry's stable id (RSS guid, Atom id) unless `id` is given. */
  link: string;
  /** A stable id other than the link (RSS guid with isPermaLink="false", Atom id). */
  id?: string;
  published: Date;
  updated: Date;
  author: { name: string; url?: string };
  /** Tags: term is the slug, scheme the URL of the tag index they belong to. */
  categories: { term: string; label: string; scheme: string }[];
  /** Sanitized HTML. */
  contentHtml: string;
  /** Plain text. */
  summary: string | null;
  /** Language of the entry when it may differ from the feed's (Atom xml:lang). */
  language?: string;
};

/** A whole feed, format-independent. */
export type FeedDocument = {
  title: string;
  description: string;
  /** The HTML page the feed mirrors. */
  link: string;
  /** The feed's own URL in the format being written (rel="self"). */
  selfUrl: string;
  language: string;
  updated: Date;
  entries: FeedEntry[];
};

// XML 1.0 forbids C0 controls other than tab, newline and carriage return, U+FFFE/U+FFFF and lone surrogates.
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** escapeXml: text safe for XML element content and attribute values (invalid characters dropped). */
export function escapeXml(value: string): string {
  return value.replace(INVALID_XML_CHARS, "").replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

const el = (name: string, text: string, attrs = "") => `<${name}${attrs}>${escapeXml(text)}</${name}>`;
const attr = (name: string, value: string) => ` ${name}="${escapeXml(value)}"`;

/** renderRss: the feed as RSS 2.0 with content:encoded, dc:creator and an atom:link rel="self". */
export function renderRss(feed: FeedDocument): string {
  const items = feed.entries.map((entry) =>
    [
      "<item>",
      el("title", entry.title),
      el("link", entry.link),
      el("guid", entry.id ?? entry.link, attr("isPermaLink", entry.id ? "false" : "true")),
      el("pubDate", entry.published.toUTCString()),
      el("dc:creator", entry.author.name),
      ...entry.categories.map((category) => el("category", category.label, attr("domain", category.scheme))),
      // description is HTML to RSS readers: the plain-text summary is escaped once as HTML, once as XML.
      entry.summary ? el("description", escapeXml(entry.summary)) : "",
      el("content:encoded", entry.contentHtml),
      "</item>",
    ].join(""),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "<channel>",
    el("title", feed.title),
    el("link", feed.link),
    el("description", feed.description),
    el("language", feed.language),
    el("lastBuildDate", feed.updated.toUTCString()),
    `<atom:link${attr("href", feed.selfUrl)} rel="self" type="application/rss+xml"/>`,
    ...items,
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}

/** renderAtom: the feed as Atom 1.0 (RFC 4287); entry ids are the permalinks. */
export function renderAtom(feed: FeedDocument): string {
  const entries = feed.entries.map((entry) =>
    [
      `<entry${entry.language ? attr("xml:lang", entry.language) : ""}>`,
      el("id", entry.id ?? entry.link),
      el("title", entry.title, attr("type", "text")),
      `<link rel="alternate" type="text/html"${attr("href", entry.link)}/>`,
      el("published", entry.published.toISOString()),
      el("updated", entry.updated.toISOString()),
      `<author>${el("name", entry.author.name)}${entry.author.url ? el("uri", entry.author.url) : ""}</author>`,
      ...entry.categories.map(
        (category) =>
          `<category${attr("term", category.term)}${attr("label", category.label)}${attr("scheme", category.scheme)}/>`,
      ),
      entry.summary ? el("summary", entry.summary, attr("type", "text")) : "",
      el("content", entry.contentHtml, attr("type", "html")),
      "</entry>",
    ].join(""),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${attr("xml:lang", feed.language)}>`,
    el("id", feed.link),
    el("title", feed.title, attr("type", "text")),
    feed.description ? el("subtitle", feed.description, attr("type", "text")) : "",
    el("updated", feed.updated.toISOString()),
    `<link rel="alternate" type="text/html"${attr("href", feed.link)}/>`,
    `<link rel="self" type="application/atom+xml"${attr("href", feed.selfUrl)}/>`,
    ...entries,
    "</feed>",
    "",
  ]
    .filter(Boolean)
    .join("\n");
}
