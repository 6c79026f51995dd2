import type { Actor, BlogRole } from "./actor";

/**
 * canWritePost: owners write and edit any post of their blog; authors create posts and edit
 * their own. Without `authorId` the question is "may they write on this blog at all".
 * Instance admins who are not members do not write (they manage and moderate).
 */
function canWritePost(actor: Actor, role: BlogRole | null, authorId?: string): boolean {
  if (!actor) return false;
  if (role === "owner") return true;
  return role === "author" && (authorId === undefined || authorId === actor.id);
}

/** canCreatePost: may start a draft on the blog. */
export function canCreatePost(actor: Actor, role: BlogRole | null): boolean {
  return canWritePost(actor, role);
}

/** canEditPost: may change (save, see revisions of, export, preview) this post. */
export function canEditPost(actor: Actor, role: BlogRole | null, post: { authorId: string }): boolean {
  return canWritePost(actor, role, post.authorId);
}

/**
 * canPublishPost: publish, schedule and unpublish: whoever may edit the post.
 * @alias its own name for the act; the rule is canEditPost
 */
export const canPublishPost = canEditPost;

/**
 * canDeletePost: soft delete and restore: whoever may edit the post.
 * @alias its own name for the act; the rule is canEditPost
 */
export const canDeletePost = canEditPost;

/**
 * canReadPost: a public post is for everyone; a draft, a scheduled or a deleted post only for
 * those who may edit it (a deleted one nowhere but the editor's trash: `includeDeleted`).
 */
export function canReadPost(
  actor: Actor,
  role: BlogRole | null,
  post: { authorId: string; isPublic: boolean; deleted: boolean },
  options: { includeDeleted?: boolean } = {},
): boolean {
  if (post.isPublic) return true;
  if (post.deleted && !options.includeDeleted) return false;
  return canEditPost(actor, role, post);
}

/**
 * writerPostScope: which of the blog's posts the actor may edit, as a filter: "all" (owners),
 * `{ authorId }` (authors: their own), or null (nobody else). Lists and the API use it.
 */
export function writerPostScope(actor: Actor, role: BlogRole | null): "all" | { authorId: string } | null {
  if (!actor || !canWritePost(actor, role)) return null;
  return role === "owner" ? "all" : { authorId: actor.id };
}
