import { getTranslations } from "next-intl/server";
import { REPORT_REASONS } from "@/lib/moderation";

/**
 * DiscussionLabels: every text the discussion's client components show, translated on the
 * server and passed down as props, so the article page ships no i18n runtime to the browser.
 */
export type DiscussionLabels = Awaited<ReturnType<typeof discussionLabels>>;

export async function discussionLabels() {
  const [t, m, c] = await Promise.all([
    getTranslations("discussion"),
    getTranslations("moderationThread"),
    getTranslations("comment"),
  ]);
  // Templates the browser fills in ("{name}" stays as is).
  const template = (text: string) => text.replace("\u0000", "{name}");
  const plural = (key: "newComments" | "likes", sample = 7) => ({
    one: t(key, { count: 1 }),
    other: t(key, { count: sample }).replace(String(sample), "#"),
  });
  return {
    reply: t("reply"),
    edit: t("edit"),
    delete: t("delete"),
    deleteConfirm: t("deleteConfirm"),
    save: t("save"),
    cancel: t("cancel"),
    send: t("send"),
    preview: t("preview"),
    like: t("like"),
    unlike: t("unlike"),
    approve: t("approve"),
    reject: t("reject"),
    spam: t("spam"),
    guestName: t("guestName"),
    guestEmail: t("guestEmail"),
    markdownHint: t("markdownHint"),
    heldNotice: t("heldNotice"),
    heldHint: t("heldHint"),
    ownHeld: t("ownHeld"),
    ownHeldReplyTo: template(t("ownHeldReplyTo", { name: "\u0000" })),
    ownHeldReplyToComment: t("ownHeldReplyToComment"),
    guestAuthor: template(c("guest", { name: "\u0000" })),
    rememberGuest: t("rememberGuest"),
    mentionSuggestions: t("mentionSuggestions"),
    changedComments: t("changedComments"),
    showNew: t("showNew"),
    addComment: t("addComment"),
    newComments: plural("newComments"),
    likes: plural("likes"),
    newSinceVisit: t("newSinceVisit"),
    newSinceVisitLabel: t("newSinceVisitLabel"),
    loadMore: t("loadMore"),
    loading: t("loadingMore"),
    loadFailed: t("loadMoreFailed"),
    report: m("report"),
    reported: m("reported"),
    reportWhy: m("reportWhy"),
    reportNote: m("reportNote"),
    reportSend: m("reportSend"),
    reportReasons: REPORT_REASONS.map((reason) => [reason, m("reportReason", { reason })] as const),
  };
}
