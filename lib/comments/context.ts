import "server-only";
import { getBlogRole } from "@/lib/auth/blog-role";
import type { BlogRole, Sanction } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import type { BlogRendering } from "@/lib/markdown";
import { AppError } from "@/lib/errors";
import { publicPostWhere } from "@/lib/posts/public";
import { canModerateComments, commentAccess, effectivePolicy, type CommentAccess } from "./rules";
import type { CommentPolicy } from "./schemas";

/** The acting person as comment services need them (lib/auth's Viewer fits). */
export type CommentViewer = { id: string; role: string; name?: string; sanctions?: readonly Sanction[] };
export type Actor = CommentViewer | null;

/** What every comment operation needs to know about the article and the viewer's place in its blog. */
export type PostContext = {
  postId: string;
  blogId: string;
  authorId: string;
  policy: CommentPolicy;
  allowGuests: boolean;
  viewerRole: BlogRole | null;
  canModerate: boolean;
  access: CommentAccess;
  /** Locked by moderation (no new comments; issue 11 thread tools). */
  locked: boolean;
  /** Slow mode: one comment per person every this many seconds (null: off). */
  slowModeSeconds: number | null;
  /** The pinned comment shown first (null: none). */
  pinnedCommentId: string | null;
  /** The blog's settings its comments render with (French typography, label language). */
  rendering: BlogRendering;
};

/** The post fields every comment operation reads (with contextOf). */
export const contextPostSelect = {
  id: true,
  blogId: true,
  authorId: true,
  commentPolicy: true,
  lockedAt: true,
  slowModeSeconds: true,
  pinnedCommentId: true,
  publishedAt: true,
  blog: {
    select: {
      commentPolicy: true,
      allowGuestComments: true,
      closeAfterDays: true,
      frenchTypography: true,
      language: true,
    },
  },
} as const;

/**
 * loadPostContext: the public article (NOT_FOUND otherwise) with its effective comment policy
 * and the viewer's blog role; a constant number of queries.
 */
export async function loadPostContext(postId: string, viewer: Actor): Promise<PostContext> {
  const post = await db.post.findFirst({
    where: { id: postId, ...publicPostWhere() },
    select: contextPostSelect,
  });
  if (!post) throw new AppError("NOT_FOUND", "errors.notFound");
  return contextOf(post, viewer, await getBlogRole(viewer?.id, post.blogId));
}

/** contextOf: the same as loadPostContext for an already loaded post and role. */
export function contextOf(
  post: {
    id: string;
    blogId: string;
    authorId: string;
    commentPolicy: string | null;
    lockedAt?: Date | null;
    slowModeSeconds?: number | null;
    pinnedCommentId?: string | null;
    publishedAt?: Date | null;
    blog: {
      commentPolicy: string;
      allowGuestComments: boolean;
      closeAfterDays?: number | null;
      frenchTypography: boolean;
      language: string;
    };
  },
  viewer: Actor,
  viewerRole: BlogRole | null,
): PostContext {
  const policy = effectivePolicy(post.commentPolicy, post.blog.commentPolicy);
  const allowGuests = post.blog.allowGuestComments;
  return {
    postId: post.id,
    blogId: post.blogId,
    authorId: post.authorId,
    policy,
    allowGuests,
    viewerRole,
    canModerate: canModerateComments(viewer, viewerRole),
    access: commentAccess({
      policy,
      allowGuests,
      viewer,
      viewerRole,
      blogId: post.blogId,
      locked: !!post.lockedAt,
      publishedAt: post.publishedAt,
      closeAfterDays: post.blog.closeAfterDays,
    }),
    locked: Boolean(post.lockedAt),
    slowModeSeconds: post.slowModeSeconds ?? null,
    pinnedCommentId: post.pinnedCommentId ?? null,
    rendering: { frenchTypography: post.blog.frenchTypography, language: post.blog.language },
  };
}
