import "server-only";
import { db } from "@/lib/db";
import { planNotifications, type NotificationAudience, type NotificationDraft } from "./plan";
import { NOTIFICATION_KINDS, type Preferences } from "./preferences";

/**
 * prepareNotifications: the notices a comment calls for, with everyone's preferences applied,
 * read before the write transaction (followers and preferences: two queries, one when no
 * follower was asked for).
 */
export async function prepareNotifications(
  audience: Omit<NotificationAudience, "followerIds">,
  options: { followersOfPostId?: string } = {},
): Promise<{ inApp: NotificationDraft[]; email: NotificationDraft[] }> {
  const followerIds = options.followersOfPostId
    ? (await db.follow.findMany({ where: { postId: options.followersOfPostId }, select: { userId: true } })).map(
        (follow) => follow.userId,
      )
    : [];
  const people = new Set(
    [...audience.mentionedIds, audience.parentAuthorId, audience.postAuthorId, ...followerIds].filter(
      (id): id is string => Boolean(id) && id !== audience.actorId,
    ),
  );
  if (!people.size) return { inApp: [], email: [] };
  const rows = await db.notificationPreference.findMany({
    where: { userId: { in: [...people] }, kind: { in: [...NOTIFICATION_KINDS] } },
    select: { userId: true, kind: true, inApp: true, email: true },
  });
  const preferencesOf = (userId: string): Preferences => {
    const prefs = {} as Preferences;
    for (const kind of NOTIFICATION_KINDS) {
      const row = rows.find((r) => r.userId === userId && r.kind === kind);
      prefs[kind] = { inApp: row?.inApp ?? true, email: row?.email ?? true };
    }
    return prefs;
  };
  return planNotifications({ ...audience, followerIds }, preferencesOf);
}
