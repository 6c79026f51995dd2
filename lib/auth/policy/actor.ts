import { z } from "zod";

/** A person's role on one blog, as stored in Membership.role. */
const BlogRoleSchema = z.enum(["owner", "author", "moderator"]);
export type BlogRole = z.infer<typeof BlogRoleSchema>;

/**
 * parseBlogRole: a stored membership role, validated. Anything the enum does not know (a typo
 * in imported data, a role of a later version) grants nothing: it reads as "no role".
 */
export function parseBlogRole(raw: string | null | undefined): BlogRole | null {
  const parsed = BlogRoleSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/**
 * A sanction in force against a person (issue 11, item 6; rows of Sanction, read by
 * lib/auth/sanctions). `blogId` null means instance-wide; `until` null means until lifted.
 * `reason` (when loaded) is what the person is shown instead of the comment form.
 */
export type Sanction = {
  kind: "suspended" | "banned";
  blogId: string | null;
  until: Date | null;
  reason?: string;
};

/** The acting person with their instance role (lib/auth's Viewer fits), or null for a guest. */
export type Actor = { id: string; role: string; sanctions?: readonly Sanction[] } | null;

/** A signed-in person as far as sanctions go (the instance role does not matter there). */
export type Participant = { id: string; sanctions?: readonly Sanction[] } | null;

export const isAdmin = (actor: Actor) => actor?.role === "admin";

/**
 * activeSanction: the sanction that bars the actor from taking part on the blog at `now`, if any.
 * Every check compares the end with `now`, so a suspension lifts by itself when it ends (no job).
 * When several apply, the one that lasts longest is shown: a ban, else the latest end.
 */
export function activeSanction(actor: Participant, blogId: string, now: Date = new Date()): Sanction | null {
  if (!actor?.sanctions) return null;
  const inForce = actor.sanctions.filter(
    (s) => (s.blogId === null || s.blogId === blogId) && (s.until === null || s.until.getTime() > now.getTime()),
  );
  const lasting = (s: Sanction) => (s.until === null ? Infinity : s.until.getTime());
  return inForce.reduce<Sanction | null>((best, s) => (!best || lasting(s) > lasting(best) ? s : best), null);
}

/** isBlogStaff: the roles that moderate a blog's discussions (owners and moderators); badges use it too. */
export const isBlogStaff = (role: BlogRole | null) => role === "owner" || role === "moderator";

/** The blog roles that moderate (for queries that look up staff). */
export const STAFF_ROLES: readonly BlogRole[] = ["owner", "moderator"];
