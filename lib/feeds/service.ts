import "server-only";
import { appUrl } from "@/lib/auth/app-url";
import { db, type PostWhereInput } from "@/lib/db";
import { feedLabels, feedLanguage, type FeedLanguage } from "./labels";
import { publicPostWhere } from "@/lib/posts/public";
import { urls, type FeedFormat } from "./urls";
import { renderAtom, renderRss, type FeedDocument, type FeedEntry } from "./xml";

/** A rendered feed, ready to send. */
export type FeedResult = { xml: string; contentType: string };

const FEED_SIZE = 20;

const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
};

const postSelect = {
  slug: true,
  title: true,
  excerpt: true,
  bodyHtml: true,
  publishedAt: true,
  updatedAt: true,
  blog: { select: { slug: true, language: true } },
  author: { select: { handle: true, name: true } },
  tags: { select: { tag: { select: { slug: true, name: true } } } },
} as const;

type FeedPost = {
  slug: string;
  title: string;
  excerpt: string | null;
  bodyHtml: string;
  publishedAt: Date | null;
  updatedAt: Date;
  blog: { slug: string; language: string };
  author: { handle: string; name: string };
  tags: { tag: { slug: string; name: string } }[];
};

// Stored HTML links to this instance with root-relative URLs; feed readers need absolute ones.
function absolutize(html: string): string {
  const origin = appUrl("/").replace(/\/$/, "");
  return html.replace(/\b(href|src)="\/(?!\/)/g, `$1="${origin}/`);
}

const latest = (dates: Date[], fallback: Date) =>
  dates.reduce((max, date) => (date > max ? date : max), dates[0] ?? fallback);

function postEntry(post: FeedPost): FeedEntry {
  const published = post.publishedAt ?? post.updatedAt;
  return {
    title: post.title,
    link: urls.post(post.blog.slug, post.slug),
    published,
    // A scheduled article may have been saved before its publication date.
    updated: latest([published, post.updatedAt], published),
    author: { name: post.author.name, url: urls.profile(post.author.handle) },
    categories: post.tags.map(({ tag }) => ({ term: tag.slug, label: tag.name, scheme: urls.tags() })),
    contentHtml: absolutize(post.bodyHtml),
    summary: post.excerpt,
    language: post.blog.language,
  };
}

function listFeedPosts(where: PostWhereInput, now: Date): Promise<FeedPost[]> {
  return db.post.findMany({
    where: { ...where, ...publicPostWhere(now) },
    select: postSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: FEED_SIZE,
  });
}

function render(
  format: FeedFormat,
  head: Omit<FeedDocument, "entries" | "updated" | "selfUrl">,
  selfUrl: (format: FeedFormat) => string,
  entries: FeedEntry[],
  fallbackUpdated: Date,
): FeedResult {
  const doc: FeedDocument = {
    ...head,
    selfUrl: selfUrl(format),
    entries,
    updated: latest(
      entries.map((entry) => entry.updated),
      fallbackUpdated,
    ),
  };
  return { xml: format === "rss" ? renderRss(doc) : renderAtom(doc), contentType: CONTENT_TYPES[format] };
}

/** instanceFeed: the 20 newest public articles of every blog, newest first. */
export async function instanceFeed(format: FeedFormat): Promise<FeedResult> {
  const now = new Date();
  const language: FeedLanguage = feedLanguage();
  const labels = feedLabels(language);
  const posts = await listFeedPosts({}, now);
  const head = { title: labels.site, description: labels.tagline, link: urls.home(), language };
  return render(format, head, urls.instanceFeed, posts.map(postEntry), now);
}

/** blogFeed: the 20 newest public articles of one blog, newest first; null if the blog does not exist. */
export async function blogFeed(blogSlug: string, format: FeedFormat): Promise<FeedResult | null> {
  const now = new Date();
  const blog = await db.blog.findUnique({
    where: { slug: blogSlug },
    select: { id: true, slug: true, name: true, tagline: true, descriptionText: true, language: true, updatedAt: true },
  });
  if (!blog) return null;
  const posts = await listFeedPosts({ blogId: blog.id }, now);
  const head = {
    title: blog.name,
    description: blog.tagline ?? blog.descriptionText ?? "",
    link: urls.blog(blog.slug),
    language: feedLanguage(blog.language),
  };
  return render(format, head, (f) => urls.blogFeed(blog.slug, f), posts.map(postEntry), blog.updatedAt);
}

/** tagFeed: the 20 newest public articles carrying a tag, across blogs; null if the tag does not exist. */
export async function tagFeed(tagSlug: string, format: FeedFormat): Promise<FeedResult | null> {
  const now = new Date();
  const tag = await db.tag.findUnique({ where: { slug: tagSlug }, select: { id: true, slug: true, name: true } });
  if (!tag) return null;
  const language = feedLanguage();
  const labels = feedLabels(language);
  const posts = await listFeedPosts({ tags: { some: { tagId: tag.id } } }, now);
  const head = {
    title: labels.tag(tag.name, labels.site),
    description: labels.tagDescription(tag.name),
    link: urls.tag(tag.slug),
    language,
  };
  return render(format, head, (f) => urls.tagFeed(tag.slug, f), posts.map(postEntry), now);
}

/**
 * commentsFeed: the 20 newest approved comments of a public article, newest first; null if the
 * blog or the article does not exist or is not public.
 */
export async function commentsFeed(blogSlug: string, postSlug: string, format: FeedFormat): Promise<FeedResult | null> {
  const now = new Date();
  const post = await db.post.findFirst({
    where: { slug: postSlug, blog: { slug: blogSlug }, ...publicPostWhere(now) },
    select: { id: true, slug: true, title: true, publishedAt: true, blog: { select: { slug: true, language: true } } },
  });
  if (!post) return null;
  const comments = await db.comment.findMany({
    where: { postId: post.id, status: "approved" },
    select: {
      id: true,
      bodyHtml: true,
      guestName: true,
      createdAt: true,
      editedAt: true,
      author: { select: { handle: true, name: true, deletedAt: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: FEED_SIZE,
  });
  const language = feedLanguage(post.blog.language);
  const labels = feedLabels(language);
  const entries = comments.map((comment): FeedEntry => {
    const person = comment.author && !comment.author.deletedAt ? comment.author : null;
    const name = person?.name ?? comment.guestName ?? labels.deletedUser;
    return {
      title: labels.comment(name),
      link: urls.comment(post.blog.slug, post.slug, comment.id),
      id: urls.commentId(post.blog.slug, post.slug, comment.id),
      published: comment.createdAt,
      // Not updatedAt: it also moves when a like is counted.
      updated: comment.editedAt ?? comment.createdAt,
      author: { name, url: person ? urls.profile(person.handle) : undefined },
      categories: [],
      contentHtml: absolutize(comment.bodyHtml),
      summary: null,
    };
  });
  const head = {
    title: labels.comments(post.title),
    description: labels.comments(post.title),
    link: urls.post(post.blog.slug, post.slug),
    language,
  };
  return render(format, head, (f) => urls.commentsFeed(post.blog.slug, post.slug, f), entries, post.publishedAt ?? now);
}
