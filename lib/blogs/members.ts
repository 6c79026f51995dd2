import "server-only";
import { parseBlogRole, type Actor, type BlogRole } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { pagesChanged } from "@/lib/page-cache";
import { AppError } from "@/lib/errors";
import { assertCanManageBlog } from "./access";
import { AddMemberSchema, MemberRoleSchema, parseBlogInput } from "./manage-schemas";
import { recordAudit } from "@/lib/moderation";
import { isUniqueViolation, type Tx } from "./slugs";

export type BlogMember = { userId: string; handle: string; name: string; image: string | null; role: BlogRole };

const lastOwner = () => new AppError("CONFLICT", "errors.lastOwner");

/** listMembers: the blog's members with their roles, owners first (owners and admins only). */
export async function listMembers(actor: Actor, blogId: string): Promise<BlogMember[]> {
  await assertCanManageBlog(actor, blogId);
  const rows = await db.membership.findMany({
    where: { blogId },
    select: { role: true, user: { select: { id: true, handle: true, name: true, image: true } } },
    orderBy: { createdAt: "asc" },
  });
  const order: Record<string, number> = { owner: 0, author: 1, moderator: 2 };
  return rows
    .flatMap(({ role: stored, user: { id, ...user } }) => {
      const role = parseBlogRole(stored);
      return role ? [{ userId: id, ...user, role }] : [];
    })
    .sort((a, b) => (order[a.role] ?? 9) - (order[b.role] ?? 9));
}

/** addMember: gives the person with that handle a role on the blog; an existing member is a CONFLICT. */
export async function addMember(actor: Actor, blogId: string, handle: string, role: BlogRole): Promise<void> {
  const { actorId } = await assertCanManageBlog(actor, blogId);
  const input = parseBlogInput(AddMemberSchema, { handle, role });
  const user = await db.user.findUnique({
    where: { handleKey: input.handle.toLowerCase() },
    select: { id: true, deletedAt: true },
  });
  if (!user || user.deletedAt) throw new AppError("INVALID_INPUT", "validation.handleUnknown", { field: "handle" });
  try {
    await db.$transaction(async (tx) => {
      const existing = await tx.membership.findUnique({
        where: { blogId_userId: { blogId, userId: user.id } },
        select: { id: true },
      });
      if (existing) throw new AppError("CONFLICT", "validation.alreadyMember", { field: "handle" });
      await tx.membership.create({ data: { blogId, userId: user.id, role: input.role } });
      await logMemberEvent(tx, actorId, blogId, "blog.member.add", user.id, { after: { role: input.role } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "validation.alreadyMember", { field: "handle" });
    throw error;
  }
  // Roles show in threads (author and moderator badges).
  await pagesChanged();
}

/** changeMemberRole: sets a member's role; the last owner cannot stop being one (CONFLICT). */
export async function changeMemberRole(actor: Actor, blogId: string, userId: string, role: BlogRole): Promise<void> {
  const { actorId } = await assertCanManageBlog(actor, blogId);
  const input = parseBlogInput(MemberRoleSchema, { userId, role });
  await db.$transaction(async (tx) => {
    const from = await roleOf(tx, blogId, input.userId);
    if (from === input.role) return;
    if (from === "owner") await assertAnotherOwner(tx, blogId, input.userId);
    await tx.membership.update({
      where: { blogId_userId: { blogId, userId: input.userId } },
      data: { role: input.role },
    });
    await logMemberEvent(tx, actorId, blogId, "blog.member.role", input.userId, {
      before: { role: from },
      after: { role: input.role },
    });
  });
  await pagesChanged();
}

/** removeMember: takes a person off the blog; the last owner cannot be removed (CONFLICT). */
export async function removeMember(actor: Actor, blogId: string, userId: string): Promise<void> {
  const { actorId } = await assertCanManageBlog(actor, blogId);
  await db.$transaction(async (tx) => {
    const role = await roleOf(tx, blogId, userId);
    if (role === "owner") await assertAnotherOwner(tx, blogId, userId);
    await tx.membership.delete({ where: { blogId_userId: { blogId, userId } } });
    await logMemberEvent(tx, actorId, blogId, "blog.member.remove", userId, { before: { role } });
  });
  await pagesChanged();
}

async function roleOf(tx: Tx, blogId: string, userId: string): Promise<BlogRole | null> {
  const membership = await tx.membership.findUnique({
    where: { blogId_userId: { blogId, userId } },
    select: { role: true },
  });
  if (!membership) throw new AppError("NOT_FOUND", "errors.notFound");
  // A stored role the policy does not know reads as none (the member can still be re-roled or removed).
  return parseBlogRole(membership.role);
}

async function assertAnotherOwner(tx: Tx, blogId: string, userId: string): Promise<void> {
  const others = await tx.membership.count({ where: { blogId, role: "owner", userId: { not: userId } } });
  if (others === 0) throw lastOwner();
}

async function logMemberEvent(
  tx: Tx,
  actorId: string,
  blogId: string,
  action: "blog.member.add" | "blog.member.remove" | "blog.member.role",
  userId: string,
  change: { before?: Record<string, string | null>; after?: Record<string, string | null> },
): Promise<void> {
  await recordAudit(tx, { actorId, blogId, action, subject: { type: "user", id: userId }, ...change });
}
