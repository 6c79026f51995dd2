import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";

/** listBlogModeratorIds: people who moderate the blog (its owners and moderators), for badges. */
export const listBlogModeratorIds = cache(async (blogId: string): Promise<string[]> => {
  const rows = await db.membership.findMany({
    where: { blogId, role: { in: ["owner", "moderator"] } },
    select: { userId: true },
  });
  return rows.map((row) => row.userId);
});
