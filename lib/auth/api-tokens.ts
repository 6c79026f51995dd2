import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashToken } from "./tokens";

const PREFIX = "trb_";
export const CreateApiTokenSchema = z.object({
  name: z.string().trim().min(1, "validation.tokenNameEmpty").max(60, "validation.tokenNameTooLong"),
});

/** createApiToken: a new personal token; the secret is returned once and only its hash is kept. */
export async function createApiToken(userId: string, name: string): Promise<{ id: string; token: string }> {
  const active = await db.apiToken.count({ where: { userId, revokedAt: null } });
  if (active >= 20) throw new AppError("CONFLICT", "errors.tooManyTokens");
  const token = PREFIX + randomBytes(24).toString("base64url");
  const row = await db.apiToken.create({
    data: { userId, name, tokenHash: hashToken(token), prefix: token.slice(0, PREFIX.length + 6) },
    select: { id: true },
  });
  return { id: row.id, token };
}

/** listApiTokens: the person's tokens (names, prefixes, dates; never secrets). */
export function listApiTokens(userId: string) {
  return db.apiToken.findMany({
    where: { userId },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

/** revokeApiToken: only the token's owner can revoke it; revoking twice is harmless. */
export async function revokeApiToken(userId: string, tokenId: string): Promise<void> {
  const result = await db.apiToken.updateMany({
    where: { id: tokenId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (result.count === 0) {
    const exists = await db.apiToken.findFirst({ where: { id: tokenId, userId }, select: { id: true } });
    if (!exists) throw new AppError("NOT_FOUND", "errors.notFound");
  }
}

/** userIdForApiToken: the owner of a valid bearer token, or null (unknown, revoked, or owner deleted). */
export async function userIdForApiToken(token: string): Promise<string | null> {
  if (!token.startsWith(PREFIX) || token.length > 100) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, revokedAt: true, lastUsedAt: true, user: { select: { deletedAt: true } } },
  });
  if (!row || row.revokedAt || row.user.deletedAt) return null;
  // Record use at most once a minute, so API traffic does not write on every request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return row.userId;
}
