import "server-only";
import { cache } from "react";
import { STAFF_ROLES } from "@/lib/auth/policy";
import { db } from "@/lib/db";

/** listBlogModeratorIds: people who moderate the blog (its owners and moderators), for badges. */
export const listBlogModeratorIds = cache(async (blogId: string): Promise<string[]> => {
  const rows = await db.membership.findMany({
    where: { blogId, role: { in: [...STAFF_ROLES] } },
    select: { userId: true },
  });
  return rows.map((row) => row.userId);
});
