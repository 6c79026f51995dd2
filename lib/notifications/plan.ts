import type { NotificationKind, Preferences } from "./preferences";

/** One notice for one person. */
export type NotificationDraft = { userId: string; kind: NotificationKind };

/** Most specific first: a person both mentioned and replied to hears of the mention. */
const KIND_PRIORITY: readonly NotificationKind[] = ["mention", "reply", "post_comment", "thread_comment"];

/** Who a new comment concerns, before preferences: ids may repeat and include the actor. */
export type NotificationAudience = {
  actorId: string | null;
  mentionedIds: readonly string[];
  parentAuthorId?: string | null;
  postAuthorId?: string | null;
  followerIds?: readonly string[];
};

/** audienceKinds: every kind each person qualifies for, most specific first, never the actor. */
function audienceKinds(audience: NotificationAudience): Map<string, NotificationKind[]> {
  const kinds = new Map<string, NotificationKind[]>();
  const add = (userId: string | null | undefined, kind: NotificationKind) => {
    if (!userId || userId === audience.actorId) return;
    const list = kinds.get(userId) ?? [];
    if (!list.includes(kind)) list.push(kind);
    kinds.set(userId, list);
  };
  audience.mentionedIds.forEach((id) => add(id, "mention"));
  add(audience.parentAuthorId, "reply");
  add(audience.postAuthorId, "post_comment");
  audience.followerIds?.forEach((id) => add(id, "thread_comment"));
  for (const list of kinds.values()) list.sort((a, b) => KIND_PRIORITY.indexOf(a) - KIND_PRIORITY.indexOf(b));
  return kinds;
}

/**
 * planNotifications: at most one in-app notice and one email per person, each of the most
 * specific kind that person has switched on for that channel (someone who silenced mentions
 * but not replies still hears of a reply that mentions them).
 */
export function planNotifications(
  audience: NotificationAudience,
  preferencesOf: (userId: string) => Preferences,
): { inApp: NotificationDraft[]; email: NotificationDraft[] } {
  const inApp: NotificationDraft[] = [];
  const email: NotificationDraft[] = [];
  for (const [userId, kinds] of audienceKinds(audience)) {
    const prefs = preferencesOf(userId);
    const inAppKind = kinds.find((kind) => prefs[kind].inApp);
    const emailKind = kinds.find((kind) => prefs[kind].email);
    if (inAppKind) inApp.push({ userId, kind: inAppKind });
    if (emailKind) email.push({ userId, kind: emailKind });
  }
  return { inApp, email };
}
