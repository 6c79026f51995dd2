import "server-only";
import type { User$sanctionsArgs } from "@/lib/db";
import type { Sanction } from "./policy";

/**
 * The part of a user query that reads the sanctions in force (suspensions not yet over, bans not
 * lifted), so the acting person carries them and lib/auth/policy can decide without another
 * lookup. Warnings bar nothing and are left out. `now` is the request's clock.
 */
export function sanctionsInForce(now: Date = new Date()) {
  return {
    where: {
      liftedAt: null,
      kind: { in: ["suspension", "ban"] },
      OR: [{ endsAt: null }, { endsAt: { gt: now } }],
    },
    select: { kind: true, blogId: true, endsAt: true, reason: true },
  } satisfies User$sanctionsArgs;
}

/** toSanctions: the stored rows as the policy reads them. */
export function toSanctions(
  rows: readonly { kind: string; blogId: string | null; endsAt: Date | null; reason?: string }[],
): Sanction[] {
  return rows.map((row) => ({
    kind: row.kind === "ban" ? "banned" : "suspended",
    blogId: row.blogId,
    until: row.endsAt,
    ...(row.reason === undefined ? {} : { reason: row.reason }),
  }));
}
