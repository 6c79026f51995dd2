import type { PostWhereInput } from "@/lib/db";

/**
 * publicPostWhere: the one condition for an article anyone may read: published, or scheduled
 * and past its date (no cron flips the status: the date alone makes it public), not deleted.
 * `now` is fixed per call so one request sees one instant.
 */
export function publicPostWhere(now: Date = new Date()): PostWhereInput {
  return { status: { in: ["published", "scheduled"] }, deletedAt: null, publishedAt: { lte: now } };
}

/** isPublic: the same rule as publicPostWhere, for a post already loaded. */
export function isPublic(
  post: { status: string; deletedAt: Date | null; publishedAt: Date | null },
  now: Date = new Date(),
): boolean {
  return post.status !== "draft" && !post.deletedAt && Boolean(post.publishedAt && post.publishedAt <= now);
}

/** effectiveStatus: "scheduled" turns "published" once its date has passed. */
export function effectiveStatus(post: { status: string; publishedAt: Date | null }, now: Date = new Date()) {
  if (post.status === "scheduled" && post.publishedAt && post.publishedAt <= now) return "published";
  return post.status as "draft" | "scheduled" | "published";
}
