import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { appUrl } from "@/lib/auth/app-url";
import { db } from "@/lib/db";
import { NOTIFICATION_KINDS, type NotificationKind } from "./preferences";
import { env } from "@/lib/env.js";

function secret(): string {
  const value = env.NEXTAUTH_SECRET;
  if (value) return value;
  // Development and tests only: production always has the secret (npm start keeps one in data/).
  if (env.NODE_ENV === "production") throw new Error("NEXTAUTH_SECRET is required to sign unsubscribe links.");
  return "tribune-development-unsubscribe-secret";
}

const sign = (payload: string) =>
  createHmac("sha256", secret()).update(`unsubscribe:${payload}`).digest("base64url").slice(0, 32);

/**
 * unsubscribeToken: `<userId>.<kind>.<HMAC>` signed with NEXTAUTH_SECRET. It never expires, as a
 * one-click unsubscribe link must keep working in old mail, and it can only switch email off.
 */
export function unsubscribeToken(userId: string, kind: NotificationKind): string {
  return `${userId}.${kind}.${sign(`${userId}:${kind}`)}`;
}

/** verifyUnsubscribeToken: the person and kind a token stands for, or null when forged or malformed. */
export function verifyUnsubscribeToken(token: string): { userId: string; kind: NotificationKind } | null {
  const [userId, kind, signature, extra] = token.split(".");
  if (!userId || !kind || !signature || extra !== undefined) return null;
  if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind)) return null;
  const expected = Buffer.from(sign(`${userId}:${kind}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { userId, kind: kind as NotificationKind };
}

/** unsubscribePageUrl: the confirmation page linked from the mail's body. */
export const unsubscribePageUrl = (token: string) => appUrl(`/unsubscribe?token=${encodeURIComponent(token)}`);
/** oneClickUnsubscribeUrl: the RFC 8058 endpoint named in the List-Unsubscribe header (POST). */
export const oneClickUnsubscribeUrl = (token: string) => appUrl(`/api/unsubscribe?token=${encodeURIComponent(token)}`);

/** describeUnsubscribe: what the token would switch off and for whom (name only), or null. */
export async function describeUnsubscribe(
  token: string,
): Promise<{ kind: NotificationKind; name: string; alreadyOff: boolean } | null> {
  const claim = verifyUnsubscribeToken(token);
  if (!claim) return null;
  const user = await db.user.findFirst({
    where: { id: claim.userId, deletedAt: null },
    select: { name: true, notifyPrefs: { where: { kind: claim.kind }, select: { email: true } } },
  });
  if (!user) return null;
  return { kind: claim.kind, name: user.name, alreadyOff: user.notifyPrefs[0]?.email === false };
}

/** unsubscribe: switches off the email of the token's kind (in-app notices stay); null for a bad token. */
export async function unsubscribe(token: string): Promise<{ kind: NotificationKind } | null> {
  const claim = verifyUnsubscribeToken(token);
  if (!claim) return null;
  const user = await db.user.findFirst({ where: { id: claim.userId, deletedAt: null }, select: { id: true } });
  if (!user) return null;
  await db.notificationPreference.upsert({
    where: { userId_kind: { userId: claim.userId, kind: claim.kind } },
    create: { userId: claim.userId, kind: claim.kind, inApp: true, email: false },
    update: { email: false },
  });
  return { kind: claim.kind };
}
