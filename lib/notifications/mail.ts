import { renderMail, type MailContent } from "@/lib/mail";
import type { Locale } from "@/lib/i18n";
import type { NotificationKind } from "./preferences";

export type CommentMailInput = {
  locale: Locale;
  kind: NotificationKind;
  actorName: string;
  postTitle: string;
  excerpt: string;
  /** The comment's permalink. */
  url: string;
  /** The unsubscribe confirmation page for this kind. */
  unsubscribeUrl: string;
};

const NBSP = "\u00a0";

function subjectOf({ locale, kind, actorName, postTitle }: CommentMailInput): string {
  const fr = `«${NBSP}${postTitle}${NBSP}»`;
  const en = `“${postTitle}”`;
  const subjects: Record<NotificationKind, [string, string]> = {
    mention: [`${actorName} vous a mentionné dans la discussion de ${fr}`, `${actorName} mentioned you on ${en}`],
    reply: [`${actorName} a répondu à votre commentaire sur ${fr}`, `${actorName} replied to your comment on ${en}`],
    post_comment: [`${actorName} a commenté votre article ${fr}`, `${actorName} commented on your article ${en}`],
    thread_comment: [`Nouveau commentaire de ${actorName} sur ${fr}`, `New comment from ${actorName} on ${en}`],
    comment_held: [
      `Un commentaire de ${actorName} attend votre modération sur ${fr}`,
      `A comment from ${actorName} awaits moderation on ${en}`,
    ],
    citation: [`${actorName} cite votre article ${fr}`, `${actorName} cited your article ${en}`],
  };
  return subjects[kind][locale === "fr" ? 0 : 1];
}

function reasonOf(locale: Locale, kind: NotificationKind): string {
  const reasons: Record<NotificationKind, [string, string]> = {
    mention: ["quand on vous mentionne", "when someone mentions you"],
    reply: ["quand on répond à vos commentaires", "when someone replies to your comments"],
    post_comment: ["quand on commente vos articles", "when someone comments on your articles"],
    thread_comment: [
      "des nouveaux commentaires des discussions que vous suivez",
      "of new comments in discussions you follow",
    ],
    comment_held: [
      "quand un commentaire attend la modération sur un blogue que vous modérez",
      "when a comment awaits moderation on a blog you moderate",
    ],
    citation: ["quand un article cite les vôtres", "when an article cites yours"],
  };
  return reasons[kind][locale === "fr" ? 0 : 1];
}

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/**
 * commentNotificationMail: one notice (reply, mention, comment on your article, comment in a
 * followed thread) with an excerpt, the permalink, and a one-click unsubscribe link for this kind.
 */
export function commentNotificationMail(input: CommentMailInput): MailContent {
  const { locale, kind, excerpt, url, unsubscribeUrl } = input;
  const fr = locale === "fr";
  const unsubscribeLabel = fr
    ? `Vous recevez ce courriel ${reasonOf(locale, kind)}. Pour ne plus en recevoir${NBSP}:`
    : `You receive this email ${reasonOf(locale, kind)}. To stop these emails:`;
  const mail = renderMail({
    locale,
    url,
    subject: subjectOf(input),
    intro: [subjectOf(input) + (fr ? `${NBSP}:` : ":"), truncate(excerpt.replace(/\s+/g, " ").trim(), 280)],
    action:
      kind === "comment_held"
        ? fr
          ? "Ouvrir la file de modération"
          : "Open the moderation queue"
        : kind === "citation"
          ? fr
            ? "Lire l’article qui vous cite"
            : "Read the citing article"
          : fr
            ? "Voir le commentaire"
            : "See the comment",
    outro: [unsubscribeLabel, unsubscribeUrl],
  });
  // renderMail escapes the outro as text: make the unsubscribe address a link in the HTML part.
  const escaped = unsubscribeUrl.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = mail.html.replace(
    `<p style="margin:0 0 16px">${escaped}</p>`,
    `<p style="margin:0 0 16px"><a href="${escaped}" style="color:#555">${fr ? "Se désabonner" : "Unsubscribe"}</a></p>`,
  );
  return { ...mail, html };
}
