import { renderMail, type MailContent } from "@/lib/mail";
import { translatorFor, type Locale } from "@/lib/i18n";
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

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/**
 * commentNotificationMail: one notice (reply, mention, comment on your article, comment in a
 * followed thread) with an excerpt, the permalink, and a one-click unsubscribe link for this kind.
 * Its words are the catalogues' "mail.notification" messages.
 */
export function commentNotificationMail(input: CommentMailInput): MailContent {
  const { locale, kind, excerpt, url, unsubscribeUrl } = input;
  const t = translatorFor(locale, "mail.notification");
  const subject = t(`subject.${kind}`, { actor: input.actorName, title: input.postTitle });
  const action = kind === "comment_held" || kind === "citation" ? kind : "comment";
  return renderMail({
    locale,
    url,
    subject,
    intro: [t("heading", { subject }), truncate(excerpt.replace(/\s+/g, " ").trim(), 280)],
    action: t(`action.${action}`),
    outro: [t(`why.${kind}`), { url: unsubscribeUrl, label: t("unsubscribe") }],
  });
}
