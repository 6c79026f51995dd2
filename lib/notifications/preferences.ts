import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";

/**
 * NOTIFICATION_KINDS: what a person can be notified of; each has an in-app and an email switch.
 * comment_held: a comment waits for moderation on a blog the person owns or moderates.
 * citation: an article of the network, or a page elsewhere (Webmention), cites one's article.
 */
export const NOTIFICATION_KINDS = [
  "reply",
  "mention",
  "post_comment",
  "thread_comment",
  "comment_held",
  "citation",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type Preferences = Record<NotificationKind, { inApp: boolean; email: boolean }>;

/** PreferencesFormSchema: checkboxes named `<kind>.inApp` / `<kind>.email` (absent = off). */
export const PreferencesFormSchema = z.record(z.string(), z.unknown()).transform((form) => {
  const prefs = {} as Preferences;
  for (const kind of NOTIFICATION_KINDS)
    prefs[kind] = { inApp: form[`${kind}.inApp`] === "on", email: form[`${kind}.email`] === "on" };
  return prefs;
});

/** getPreferences: every kind, defaulting to on. */
export async function getPreferences(userId: string): Promise<Preferences> {
  const rows = await db.notificationPreference.findMany({ where: { userId } });
  const prefs = {} as Preferences;
  for (const kind of NOTIFICATION_KINDS) {
    const row = rows.find((r) => r.kind === kind);
    prefs[kind] = { inApp: row?.inApp ?? true, email: row?.email ?? true };
  }
  return prefs;
}

/** setPreferences: stores every kind in one transaction. */
export async function setPreferences(userId: string, prefs: Preferences): Promise<void> {
  await db.$transaction(
    NOTIFICATION_KINDS.map((kind) =>
      db.notificationPreference.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, ...prefs[kind] },
        update: prefs[kind],
      }),
    ),
  );
}
