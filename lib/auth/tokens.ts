import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type TokenPurpose = "verify_email" | "reset_password" | "change_email" | "setup";

const lifetimes: Record<TokenPurpose, number> = {
  verify_email: 24 * 60,
  reset_password: 60,
  change_email: 24 * 60,
  setup: 24 * 60,
};

export const tokenLifetimeMinutes = (purpose: TokenPurpose) => lifetimes[purpose];
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** issueToken: a new one-time secret for the purpose; only its hash is stored. Earlier unused ones are revoked. */
export async function issueToken(purpose: TokenPurpose, options: { userId?: string; email?: string }): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + lifetimes[purpose] * 60_000);
  await db.$transaction([
    db.authToken.deleteMany({ where: { purpose, userId: options.userId ?? undefined, usedAt: null } }),
    db.authToken.create({
      data: { purpose, tokenHash: hashToken(token), userId: options.userId, email: options.email, expiresAt },
    }),
  ]);
  return token;
}

/**
 * consumeToken: marks the token used and returns its row; throws INVALID_INPUT when it is
 * unknown, used or expired. The update is conditional, so two concurrent uses cannot both win.
 */
export async function consumeToken(purpose: TokenPurpose, token: string) {
  const tokenHash = hashToken(token);
  const used = await db.authToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (used.count !== 1) throw new AppError("INVALID_INPUT", "errors.linkInvalid");
  return db.authToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true, email: true } });
}
