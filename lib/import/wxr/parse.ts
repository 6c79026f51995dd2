import { SaxesParser, type SaxesTagPlain } from "saxes";
import { streamXml } from "../xml";

// WordPress eXtended RSS (WXR 1.1 and 1.2), read as a stream: the site's description first, then
// one item at a time with its comments, so a file of any size is read in bounded memory (one
// item at a time, plus what the caller keeps).

export type WxrSite = {
  title: string;
  link: string;
  language: string;
  wxrVersion: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
  authors: WxrAuthor[];
};

type WxrAuthor = { id: string; login: string; email: string; displayName: string };

export type WxrComment = {
  id: string;
  parentId: string | null;
  author: string;
  authorEmail: string;
  authorUrl: string;
  date: string;
  dateGmt: string;
  content: string;
  /** "1" approved, "0" pending, "spam", "trash" (WordPress's values). */
  approved: string;
  /** "" or "comment" for comments; "pingback", "trackback" otherwise. */
  type: string;
  userId: string;
};

export type WxrItem = {
  id: string;
  title: string;
  link: string;
  guid: string;
  creator: string;
  content: string;
  excerpt: string;
  date: string;
  dateGmt: string;
  pubDate: string;
  slug: string;
  /** "publish", "draft", "future", "pending", "private", "trash", "auto-draft", "inherit". */
  status: string;
  /** "post", "page", "attachment", "nav_menu_item", … */
  type: string;
  parentId: string;
  password: string;
  categories: { domain: string; nicename: string; name: string }[];
  comments: WxrComment[];
};

export type WxrEvent = { kind: "site"; site: WxrSite } | { kind: "item"; item: WxrItem };

/** WxrError: the file is not a readable WXR document (with the line where reading stopped). */
export class WxrError extends Error {}

const ITEM_FIELDS: Record<string, keyof WxrItem> = {
  title: "title",
  link: "link",
  guid: "guid",
  "dc:creator": "creator",
  "content:encoded": "content",
  "excerpt:encoded": "excerpt",
  "wp:post_id": "id",
  "wp:post_date": "date",
  "wp:post_date_gmt": "dateGmt",
  pubDate: "pubDate",
  "wp:post_name": "slug",
  "wp:status": "status",
  "wp:post_type": "type",
  "wp:post_parent": "parentId",
  "wp:post_password": "password",
};

const COMMENT_FIELDS: Record<string, keyof WxrComment> = {
  "wp:comment_id": "id",
  "wp:comment_parent": "parentId",
  "wp:comment_author": "author",
  "wp:comment_author_email": "authorEmail",
  "wp:comment_author_url": "authorUrl",
  "wp:comment_date": "date",
  "wp:comment_date_gmt": "dateGmt",
  "wp:comment_content": "content",
  "wp:comment_approved": "approved",
  "wp:comment_type": "type",
  "wp:comment_user_id": "userId",
};

const AUTHOR_FIELDS: Record<string, keyof WxrAuthor> = {
  "wp:author_id": "id",
  "wp:author_login": "login",
  "wp:author_email": "email",
  "wp:author_display_name": "displayName",
};

const SITE_FIELDS: Record<string, keyof Omit<WxrSite, "authors">> = {
  title: "title",
  link: "link",
  language: "language",
  "wp:wxr_version": "wxrVersion",
  "wp:base_site_url": "baseSiteUrl",
  "wp:base_blog_url": "baseBlogUrl",
};

const emptyItem = (): WxrItem => ({
  id: "",
  title: "",
  link: "",
  guid: "",
  creator: "",
  content: "",
  excerpt: "",
  date: "",
  dateGmt: "",
  pubDate: "",
  slug: "",
  status: "",
  type: "",
  parentId: "",
  password: "",
  categories: [],
  comments: [],
});

const emptyComment = (): WxrComment => ({
  id: "",
  parentId: null,
  author: "",
  authorEmail: "",
  authorUrl: "",
  date: "",
  dateGmt: "",
  content: "",
  approved: "",
  type: "",
  userId: "",
});

/**
 * readWxr: the events of a WXR file, in order: "site" once (before the first item; authors
 * included), then each "item". Throws WxrError when the XML is malformed or cut short, naming
 * the line; items already yielded were read whole.
 */
export async function* readWxr(
  path: string,
  options: { onBytes?: (bytes: number) => void } = {},
): AsyncGenerator<WxrEvent> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const ready: WxrEvent[] = [];
  const stack: string[] = [];
  const site: WxrSite = {
    title: "",
    link: "",
    language: "",
    wxrVersion: "",
    baseSiteUrl: "",
    baseBlogUrl: "",
    authors: [],
  };
  let siteSent = false;
  let item: WxrItem | null = null;
  let comment: WxrComment | null = null;
  let author: WxrAuthor | null = null;
  let category: { domain: string; nicename: string; name: string } | null = null;
  let text = "";
  let sawRss = false;

  const sendSite = () => {
    if (siteSent) return;
    siteSent = true;
    ready.push({ kind: "site", site });
  };

  parser.on("opentag", (tag: SaxesTagPlain) => {
    stack.push(tag.name);
    text = "";
    if (tag.name === "rss") sawRss = true;
    else if (tag.name === "item" && stack.at(-2) === "channel") {
      sendSite();
      item = emptyItem();
    } else if (tag.name === "wp:comment" && item) comment = emptyComment();
    else if (tag.name === "wp:author" && !item) author = { id: "", login: "", email: "", displayName: "" };
    else if (tag.name === "category" && item)
      category = {
        domain: String(tag.attributes.domain ?? "category"),
        nicename: String(tag.attributes.nicename ?? ""),
        name: "",
      };
  });
  parser.on("text", (value) => (text += value));
  parser.on("cdata", (value) => (text += value));
  parser.on("closetag", (tag) => {
    const name = tag.name;
    stack.pop();
    const parent = stack.at(-1);
    if (comment) {
      if (name === "wp:comment") {
        item!.comments.push(comment);
        comment = null;
      } else if (parent === "wp:comment" && COMMENT_FIELDS[name]) {
        const field = COMMENT_FIELDS[name];
        (comment as Record<string, unknown>)[field] =
          field === "parentId" ? (text.trim() === "0" ? null : text.trim()) : text;
      }
    } else if (category) {
      if (name === "category") {
        category.name = text.trim();
        item!.categories.push(category);
        category = null;
      }
    } else if (item) {
      if (name === "item") {
        ready.push({ kind: "item", item });
        item = null;
      } else if (parent === "item" && ITEM_FIELDS[name]) {
        (item as Record<string, unknown>)[ITEM_FIELDS[name]] = text;
      }
    } else if (author) {
      if (name === "wp:author") {
        site.authors.push(author);
        author = null;
      } else if (AUTHOR_FIELDS[name]) (author as Record<string, unknown>)[AUTHOR_FIELDS[name]] = text.trim();
    } else if (parent === "channel" && SITE_FIELDS[name]) {
      site[SITE_FIELDS[name]] = text.trim();
    }
    text = "";
  });
  yield* streamXml(path, parser, ready, (message) => new WxrError(message), options.onBytes);
  if (!sawRss) throw new WxrError("The file is not a WordPress export (no <rss> element).");
  if (stack.length) throw new WxrError(`The file ends in the middle (inside <${stack.at(-1)}>): it was cut short.`);
  sendSite();
  while (ready.length) yield ready.shift()!;
}
