import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { typesetPlain } from "@/lib/markdown";
import { publicPostWhere } from "./public";
import { parseStoredHeadings } from "./render";

export type TocEntry = { depth: 2 | 3; id: string; text: string };
/** An article of this instance that links to this one, with the sentence around the link. */
export type Citation = {
  slug: string;
  title: string;
  blog: { slug: string; name: string };
  author: { name: string };
  context: string | null;
};

/** A page of another site that mentions this article (a verified Webmention). */
export type WebMention = {
  id: string;
  kind: "mention" | "bookmark" | "like" | "repost";
  url: string;
  title: string | null;
  excerpt: string | null;
  author: { name: string | null; url: string | null; photo: string | null };
  at: Date;
};

export type PublicPost = {
  id: string;
  slug: string;
  title: string;
  bodyHtml: string;
  excerpt: string | null;
  coverImageUrl: string | null;
  publishedAt: Date;
  updatedAt: Date;
  author: { id: string; handle: string; name: string; image: string | null };
  tags: { slug: string; name: string }[];
  readingMinutes: number;
  toc: TocEntry[];
  citedBy: Citation[];
  /** Verified Webmentions: other sites' mentions and bookmarks ("Cité par"), likes and reposts (faces). */
  web: { mentions: WebMention[]; likes: WebMention[]; reposts: WebMention[] };
};

/** At most this many mentions of each kind are shown (newest first). */
const WEB_MENTIONS_SHOWN = 100;

/** tableOfContents: the h2/h3 entries of the headings an article's render stored (never re-derived from its HTML). */
function tableOfContents(headingsJson: string): TocEntry[] {
  return parseStoredHeadings(headingsJson)
    .filter((h): h is TocEntry => h.depth === 2 || h.depth === 3)
    .map(({ depth, id, text }) => ({ depth, id, text }));
}

/**
 * getPublicPost: a public article of a blog with what its page shows (author, tags, table of
 * contents, reading time, the articles that cite it, what other sites said of it). Three reads
 * whatever the article, cached per request.
 */
export const getPublicPost = cache(async (blogId: string, slug: string): Promise<PublicPost | null> => {
  const now = new Date();
  const post = await db.post.findFirst({
    where: { blogId, slug, ...publicPostWhere(now) },
    select: PUBLIC_POST_SELECT,
  });
  if (!post) return null;
  const links = await db.link.findMany({
    where: { targetPostId: post.id, source: { ...publicPostWhere(now), id: { not: post.id } } },
    select: {
      context: true,
      source: {
        select: {
          slug: true,
          title: true,
          publishedAt: true,
          blog: { select: { slug: true, name: true } },
          author: { select: { name: true } },
        },
      },
    },
  });
  const received = await db.webmention.findMany({
    where: {
      targetPostId: post.id,
      status: "accepted",
      // A reply that did not join the discussion (closed, refused by the rules) is listed as a mention.
      OR: [{ kind: { in: ["mention", "bookmark", "like", "repost"] } }, { kind: "reply", commentId: null }],
    },
    orderBy: [{ verifiedAt: "desc" }, { id: "asc" }],
    take: WEB_MENTIONS_SHOWN * 3,
    select: {
      id: true,
      kind: true,
      url: true,
      source: true,
      title: true,
      contentText: true,
      authorName: true,
      authorUrl: true,
      authorPhoto: true,
      publishedAt: true,
      createdAt: true,
    },
  });
  const web: PublicPost["web"] = { mentions: [], likes: [], reposts: [] };
  for (const m of received) {
    const mention: WebMention = {
      id: m.id,
      kind: (m.kind === "reply" ? "mention" : m.kind) as WebMention["kind"],
      url: m.url ?? m.source,
      title: m.title,
      excerpt: m.contentText ? m.contentText.slice(0, 280) : null,
      author: {
        name: m.authorName,
        url: m.authorUrl,
        photo: m.authorPhoto?.startsWith("https://") ? m.authorPhoto : null,
      },
      at: m.publishedAt ?? m.createdAt,
    };
    const list = m.kind === "like" ? web.likes : m.kind === "repost" ? web.reposts : web.mentions;
    if (list.length < WEB_MENTIONS_SHOWN) list.push(mention);
  }
  const seen = new Set<string>();
  const citedBy = links
    .map((link) => ({ ...link.source, context: link.context }))
    .filter(
      (source) => !seen.has(`${source.blog.slug}/${source.slug}`) && seen.add(`${source.blog.slug}/${source.slug}`),
    )
    .sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0))
    .map(({ publishedAt: _published, ...source }) => source);
  return { ...presentPost(post, post.publishedAt!), citedBy, web };
});

/** What an article's page reads of the post itself (the public page and the writers' preview alike). */
export const PUBLIC_POST_SELECT = {
  id: true,
  slug: true,
  title: true,
  bodyHtml: true,
  headingsJson: true,
  readingMinutes: true,
  excerpt: true,
  coverImageUrl: true,
  publishedAt: true,
  updatedAt: true,
  author: { select: { id: true, handle: true, name: true, image: true } },
  tags: { select: { tag: { select: { slug: true, name: true } } } },
  blog: { select: { frenchTypography: true } },
} as const;

type SelectedPost = {
  id: string;
  slug: string;
  title: string;
  bodyHtml: string;
  headingsJson: string;
  readingMinutes: number;
  excerpt: string | null;
  coverImageUrl: string | null;
  updatedAt: Date;
  author: PublicPost["author"];
  tags: { tag: { slug: string; name: string } }[];
  blog: { frenchTypography: boolean };
};

/**
 * presentPost: the post as its page shows it, dated `publishedAt`: title and excerpt typeset as
 * the blog's settings ask, tags flattened, the table of contents from the headings its render
 * stored (never re-derived from the HTML).
 */
export function presentPost(post: SelectedPost, publishedAt: Date): Omit<PublicPost, "citedBy" | "web"> {
  const { headingsJson, blog, tags, ...shown } = post;
  return {
    ...shown,
    title: typesetPlain(post.title, blog),
    excerpt: typesetPlain(post.excerpt, blog),
    publishedAt,
    tags: tags.map(({ tag }) => tag),
    toc: tableOfContents(headingsJson),
  };
}

/** isPostRemoved: the article existed at this address and its author deleted it (410, not 404). */
export async function isPostRemoved(blogId: string, slug: string): Promise<boolean> {
  const post = await db.post.findFirst({ where: { blogId, slug, deletedAt: { not: null } }, select: { id: true } });
  return Boolean(post);
}
