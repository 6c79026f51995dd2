import "server-only";
import { db } from "@/lib/db";
import { parseBlogRole, type BlogRole } from "./policy";

type Client = Pick<typeof db, "membership">;

/**
 * getBlogRole: the person's role on the blog, validated (an unknown stored value grants
 * nothing), or null for a guest or a non-member. `client` is the transaction when there is one.
 */
export async function getBlogRole(
  actorId: string | null | undefined,
  blogId: string,
  client: Client = db,
): Promise<BlogRole | null> {
  if (!actorId) return null;
  const membership = await client.membership.findUnique({
    where: { blogId_userId: { blogId, userId: actorId } },
    select: { role: true },
  });
  return parseBlogRole(membership?.role);
}

/** getBlogRoles: the validated roles of several people on one blog (a thread's viewer and its staff), one query. */
export async function getBlogRoles(
  blogId: string,
  userIds?: readonly string[],
  client: Client = db,
): Promise<Map<string, BlogRole>> {
  if (userIds && !userIds.length) return new Map();
  const rows = await client.membership.findMany({
    where: { blogId, ...(userIds ? { userId: { in: [...userIds] } } : {}) },
    select: { userId: true, role: true },
  });
  const roles = new Map<string, BlogRole>();
  for (const row of rows) {
    const role = parseBlogRole(row.role);
    if (role) roles.set(row.userId, role);
  }
  return roles;
}
