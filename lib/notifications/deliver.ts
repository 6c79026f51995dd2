import "server-only";
import { db } from "@/lib/db";
import { appUrl } from "@/lib/auth/app-url";
import { localeFor } from "@/lib/i18n";
import { sendMail } from "@/lib/mail";
import { commentPath } from "@/lib/comments/permalink";
import { commentNotificationMail } from "./mail";
import type { NotificationDraft } from "./plan";
import { oneClickUnsubscribeUrl, unsubscribePageUrl, unsubscribeToken } from "./unsubscribe";

/** What the mails about one comment need; bodies are never logged. */
export type CommentMailJob = {
  drafts: NotificationDraft[];
  commentId: string;
  postId: string;
  actorName: string;
  excerpt: string;
  /** Where the mail leads, when not the comment's permalink (a held comment: the blog's queue). */
  path?: string;
};

const pending = new Set<Promise<void>>();
const MAIL_DELAY_MS = 20;

async function deliver(job: CommentMailJob): Promise<void> {
  const [post, users] = await Promise.all([
    db.post.findUnique({
      where: { id: job.postId },
      select: { title: true, slug: true, blog: { select: { slug: true, language: true } } },
    }),
    db.user.findMany({
      where: { id: { in: job.drafts.map((draft) => draft.userId) }, deletedAt: null, email: { not: null } },
      select: { id: true, email: true, locale: true },
    }),
  ]);
  // Gone meanwhile (the article, or its blog, deleted while the mail waited): nothing to announce.
  if (!post?.blog) return;
  const url = appUrl(job.path ?? commentPath(post.blog.slug, post.slug, job.commentId));
  for (const draft of job.drafts) {
    const user = users.find((candidate) => candidate.id === draft.userId);
    if (!user?.email) continue;
    const token = unsubscribeToken(user.id, draft.kind);
    const mail = commentNotificationMail({
      // The rule of every page (lib/i18n/negotiate): their choice, else the blog's language.
      locale: localeFor({ account: user.locale }, { blogLanguage: post.blog.language }),
      kind: draft.kind,
      actorName: job.actorName,
      postTitle: post.title,
      excerpt: job.excerpt,
      url,
      unsubscribeUrl: unsubscribePageUrl(token),
    });
    await sendMail({
      to: user.email,
      ...mail,
      // RFC 2369 and RFC 8058: mail clients show their own "unsubscribe" button, one POST away.
      headers: {
        "List-Unsubscribe": `<${oneClickUnsubscribeUrl(token)}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
    });
    // One message at a time, letting waiting requests through between two.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * queueCommentMail: sends the notices' emails after the comment is saved, without making the
 * commenter wait for SMTP. A failure is logged (without the body) and never undoes the comment.
 */
export function queueCommentMail(job: CommentMailJob): void {
  if (!job.drafts.length) return;
  // Started on a later turn of the event loop: the commenter's response leaves first, and
  // building a dozen messages never sits between a request and its answer.
  const task = new Promise((resolve) => setTimeout(resolve, MAIL_DELAY_MS))
    .then(() => deliver(job))
    .catch((error: unknown) => {
      console.error(`[notifications] mail for comment ${job.commentId} failed:`, (error as Error).message);
    })
    .finally(() => pending.delete(task));
  pending.add(task);
}

/** flushNotificationMail: resolves once every queued notification mail has been handed over (tests, shutdown). */
export async function flushNotificationMail(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}
