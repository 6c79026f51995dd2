import type { PostWhereInput } from "@/lib/db";

/**
 * publicPostWhere: the Prisma condition for an article anyone may read: published, or scheduled
 * and past its date (the scheduler may not have flipped it yet), not deleted. `now` is fixed per
 * call so a request sees one consistent instant.
 */
export function publicPostWhere(now: Date = new Date()): PostWhereInput {
  return { status: { in: ["published", "scheduled"] }, deletedAt: null, publishedAt: { lte: now } };
}
