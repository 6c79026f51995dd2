import "server-only";
import { appUrl } from "@/lib/auth/app-url";
import { db } from "@/lib/db";
import { queueCommentMail } from "@/lib/notifications";

/**
 * noticeCitation: tells an article's author that a page cites it (another article of the
 * network, or a page elsewhere through Webmention), once per citing page: saving the citing
 * article again, or the other site sending its Webmention again, tells nobody twice. In the app
 * and by mail, as the author's `citation` preferences say; nobody hears of citing themselves.
 */
export async function noticeCitation(input: {
  citedPostId: string;
  /** The citing page's address (an absolute URL). */
  sourceUrl: string;
  /** Who cites: the citing article's author, the other site's author or its host name. */
  name: string;
  actorId: string | null;
  excerpt: string | null;
}): Promise<void> {
  const post = await db.post.findUnique({ where: { id: input.citedPostId }, select: { authorId: true } });
  if (!post || post.authorId === input.actorId) return;
  const userId = post.authorId;
  // The detail starts with the source, so "already told about this page" is one indexed lookup.
  const key = `{"source":${JSON.stringify(input.sourceUrl)}`;
  const told = await db.notification.findFirst({
    where: { userId, kind: "citation", postId: input.citedPostId, detail: { startsWith: key } },
    select: { id: true },
  });
  if (told) return;
  const pref = (await db.notificationPreference.findUnique({
    where: { userId_kind: { userId, kind: "citation" } },
    select: { inApp: true, email: true },
  })) ?? { inApp: true, email: true };
  // The row is kept even when the person reads these by mail only (marked read): it is the memory of "told".
  await db.notification.create({
    data: {
      userId,
      kind: "citation",
      actorId: input.actorId,
      postId: input.citedPostId,
      detail: `${key},"name":${JSON.stringify(input.name)}}`,
      readAt: pref.inApp ? null : new Date(),
    },
  });
  if (pref.email)
    queueCommentMail({
      drafts: [{ userId, kind: "citation" }],
      postId: input.citedPostId,
      commentId: "",
      actorName: input.name,
      excerpt: input.excerpt ?? "",
      path: input.sourceUrl,
    });
}

/**
 * noticePostCitations: after a public article changed, the authors of the network's articles it
 * links to hear of it (once per citing article), with the sentence around the link.
 */
export async function noticePostCitations(postId: string, now: Date = new Date()): Promise<void> {
  const post = await db.post.findUnique({
    where: { id: postId },
    select: {
      slug: true,
      status: true,
      publishedAt: true,
      deletedAt: true,
      authorId: true,
      author: { select: { name: true } },
      blog: { select: { slug: true } },
      linksOut: { where: { targetPostId: { not: null } }, select: { targetPostId: true, context: true } },
    },
  });
  if (!post || post.status === "draft" || post.deletedAt || !post.publishedAt || post.publishedAt > now) return;
  const sourceUrl = appUrl(`/${post.blog.slug}/${post.slug}`);
  const seen = new Set<string>();
  for (const link of post.linksOut) {
    if (!link.targetPostId || link.targetPostId === postId || seen.has(link.targetPostId)) continue;
    seen.add(link.targetPostId);
    await noticeCitation({
      citedPostId: link.targetPostId,
      sourceUrl,
      name: post.author.name,
      actorId: post.authorId,
      excerpt: link.context,
    });
  }
}
