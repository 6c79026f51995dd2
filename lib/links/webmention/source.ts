import { mf2 } from "microformats-parser";
import { parse } from "parse5";
import { sanitizeReceivedHtml } from "@/lib/markdown/sanitize-html";

/** What a verified source says about our article (microformats2, read as an h-entry). */
export type SourceReading = {
  linksToTarget: boolean;
  kind: "reply" | "like" | "repost" | "bookmark" | "mention";
  authorName: string | null;
  authorUrl: string | null;
  authorPhoto: string | null;
  url: string | null;
  title: string | null;
  contentHtml: string | null;
  contentText: string | null;
  publishedAt: Date | null;
};

type Mf = { type?: string[]; properties: Record<string, unknown[]>; children?: Mf[]; value?: unknown };

const MAX_TEXT = 2000;

/** sameUrl: equal once the fragment is dropped and a lone trailing slash ignored. */
export function sameUrl(a: string, b: string): boolean {
  const norm = (url: string) => {
    try {
      const parsed = new URL(url);
      parsed.hash = "";
      return parsed.toString().replace(/\/$/, "");
    } catch {
      return null;
    }
  };
  const left = norm(a);
  return left !== null && left === norm(b);
}

/** linkedUrls: every href and src of the document, resolved against its address (document order). */
export function linkedUrls(html: string, baseUrl: string): string[] {
  const urls: string[] = [];
  type Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; content?: Node };
  const stack: Node[] = [parse(html) as unknown as Node];
  while (stack.length) {
    const node = stack.pop()!;
    for (const attr of node.attrs ?? []) {
      if (attr.name !== "href" && attr.name !== "src") continue;
      try {
        urls.push(new URL(attr.value.trim(), baseUrl).toString());
      } catch {
        // not a URL: skip
      }
    }
    const children = node.content?.childNodes ?? node.childNodes ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return urls;
}

const isMf = (value: unknown): value is Mf =>
  typeof value === "object" && value !== null && "properties" in value && Array.isArray((value as Mf).type);

const text = (value: unknown): string | null => {
  if (typeof value === "string") return value.trim() || null;
  if (isMf(value)) return typeof value.value === "string" ? value.value.trim() || null : null;
  if (value && typeof value === "object" && "value" in value) return text((value as { value: unknown }).value);
  return null;
};

const first = (entry: Mf, name: string) => entry.properties[name]?.[0];

const httpUrl = (value: string | null, base: string): string | null => {
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
};

/** The first h-entry: a top-level item, or one inside a top-level h-feed. */
function findEntry(items: Mf[]): Mf | null {
  for (const item of items) if (item.type?.includes("h-entry")) return item;
  for (const item of items)
    if (item.type?.includes("h-feed"))
      for (const child of item.children ?? []) if (child.type?.includes("h-entry")) return child;
  return null;
}

/** Whether a property (in-reply-to, like-of, …) names the target, as a URL or as an h-cite's url. */
function names(entry: Mf, property: string, target: string, base: string): boolean {
  return (entry.properties[property] ?? []).some((value) => {
    const url = isMf(value) ? text(first(value, "url")) : text(value);
    const resolved = httpUrl(url, base);
    return resolved !== null && sameUrl(resolved, target);
  });
}

/**
 * readSource: whether the source page links to the target (an href or src anywhere in it), and
 * what its h-entry says: the author's h-card (or the page's first h-card), the content (sanitized
 * with the comment rules), the date, and the kind of response.
 */
export function readSource(html: string, sourceUrl: string, target: string): SourceReading {
  const linksToTarget = linkedUrls(html, sourceUrl).some((url) => sameUrl(url, target));
  const parsed = mf2(html, { baseUrl: sourceUrl });
  const items = parsed.items as unknown as Mf[];
  const entry = findEntry(items);
  const reading: SourceReading = {
    linksToTarget,
    kind: "mention",
    authorName: null,
    authorUrl: null,
    authorPhoto: null,
    url: null,
    title: null,
    contentHtml: null,
    contentText: null,
    publishedAt: null,
  };
  if (!entry) return reading;

  if (names(entry, "like-of", target, sourceUrl)) reading.kind = "like";
  else if (names(entry, "repost-of", target, sourceUrl)) reading.kind = "repost";
  else if (names(entry, "bookmark-of", target, sourceUrl)) reading.kind = "bookmark";
  else if (names(entry, "in-reply-to", target, sourceUrl)) reading.kind = "reply";

  const author = first(entry, "author") ?? items.find((item) => item.type?.includes("h-card"));
  if (isMf(author)) {
    reading.authorName = text(first(author, "name"))?.slice(0, 200) ?? null;
    reading.authorUrl = httpUrl(text(first(author, "url")), sourceUrl);
    reading.authorPhoto = httpUrl(text(first(author, "photo")), sourceUrl);
  } else if (typeof author === "string") {
    const asUrl = /^https?:\/\//.test(author) ? httpUrl(author, sourceUrl) : null;
    reading.authorUrl = asUrl;
    reading.authorName = asUrl ? null : author.slice(0, 200);
  }
  // An implied url can be the link to us: the entry's own address is never the target.
  const url = httpUrl(text(first(entry, "url")), sourceUrl);
  reading.url = url && !sameUrl(url, target) ? url : null;
  const content = first(entry, "content");
  if (content && typeof content === "object" && "html" in content && typeof content.html === "string") {
    const clean = sanitizeReceivedHtml(content.html);
    reading.contentHtml = clean.html || null;
    reading.contentText = clean.text.slice(0, MAX_TEXT) || null;
  } else {
    reading.contentText =
      text(content)?.slice(0, MAX_TEXT) ?? text(first(entry, "summary"))?.slice(0, MAX_TEXT) ?? null;
  }
  const name = text(first(entry, "name"));
  // An entry without an explicit name gets its whole text as implied name: a title only when it differs.
  reading.title =
    name && name !== reading.contentText && !reading.contentText?.startsWith(name) ? name.slice(0, 300) : null;
  const published = text(first(entry, "published"));
  const date = published ? new Date(published) : null;
  reading.publishedAt = date && !Number.isNaN(date.getTime()) ? date : null;
  return reading;
}
