import "server-only";
import { getBlogRole } from "@/lib/auth/blog-role";
import { canReportComment, slowModeWait } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { reportedByViewer } from "@/lib/moderation";
import { publicPostWhere } from "@/lib/posts/public";
import { contextOf, contextPostSelect, type Actor, type CommentViewer } from "./context";
import type { ThreadViewer } from "./thread";

/** The most held comments of one's own a page shows in place (the newest). */
const MAX_OWN_HELD = 20;
/** The most ids of each kind a page carries (the newest): a page's cost stays bounded whoever reads it. */
const MAX_IDS = 2000;

/** One of the viewer's own comments waiting for moderation: only they see it, in place. */
type OwnHeldComment = { id: string; parentId: string | null; bodyHtml: string; createdAt: string };

/**
 * What a reader's island adds to the shared thread: small lists of ids, never texts (but one's
 * own held comments, which the shared thread does not have).
 */
export type ThreadPersonal = {
  /** Comments the viewer liked. */
  liked: string[];
  /** The viewer's own comments (they may edit and delete them; they cannot like them). */
  own: string[];
  /** Comments the viewer reported already. */
  reported: string[];
  held: OwnHeldComment[];
  /** The viewer may like and report (signed in, not suspended or banned here). */
  canReact: boolean;
  canReply: boolean;
};

export type ThreadShell =
  | {
      shared: true;
      count: number;
      viewer: ThreadViewer;
      personal: ThreadPersonal;
      /**
       * The viewer's discussion looks as any signed-in reader's does (same rights, no slow-mode
       * wait): the member shell of the page (lib/personal) fits them, with their ids added.
       */
      asAnyMember: boolean;
    }
  /** A moderator of the blog gets the whole thread rendered for them (listThread). */
  | { shared: false };

/** A signed-in reader with no role on the blog and no sanction: whom the member shell is rendered for. */
const ANY_MEMBER: CommentViewer = { id: "", role: "user", sanctions: [] };

const NO_IDS: ThreadPersonal = { liked: [], own: [], reported: [], held: [], canReact: true, canReply: true };

/**
 * getThreadShell: what a public article's page needs around the shared thread for this viewer,
 * in a constant number of queries that read no comment text (but their own held ones): the
 * count of approved comments, the viewer's rights, follow and slow-mode wait, and the ids their
 * island marks. A moderator of the blog reads the thread with its tools instead ({ shared: false }).
 */
export async function getThreadShell(
  postId: string,
  viewer: Actor | "any-member",
  /** `count: false`: the count is not read (0): a personal layer never shows it. */
  { count: counted = true }: { count?: boolean } = {},
): Promise<ThreadShell> {
  const post = await db.post.findFirst({ where: { id: postId, ...publicPostWhere() }, select: contextPostSelect });
  if (!post) throw new AppError("NOT_FOUND", "errors.notFound");
  const anyMember = contextOf(post, ANY_MEMBER, null);
  if (viewer === "any-member") {
    const count = await db.comment.count({ where: { postId, status: "approved" } });
    return {
      shared: true,
      count,
      viewer: {
        ...anyMember.access,
        canModerate: false,
        isFollowing: false,
        locked: anyMember.locked,
        slowModeSeconds: anyMember.slowModeSeconds,
        nextCommentAt: null,
      },
      personal: { ...NO_IDS, canReply: anyMember.access.canComment },
      asAnyMember: true,
    };
  }
  const role = await getBlogRole(viewer?.id, post.blogId);
  const context = contextOf(post, viewer, role);
  if (context.canModerate) return { shared: false };
  const [count, own, likes, follow, reported] = await Promise.all([
    counted ? db.comment.count({ where: { postId, status: "approved" } }) : Promise.resolve(0),
    viewer
      ? db.comment.findMany({
          where: { postId, authorId: viewer.id, status: { in: ["approved", "pending"] } },
          select: { id: true, status: true, createdAt: true },
          orderBy: { createdAt: "desc" },
          take: MAX_IDS,
        })
      : Promise.resolve([]),
    viewer
      ? db.reaction.findMany({
          where: { userId: viewer.id, kind: "like", comment: { postId } },
          select: { commentId: true },
          orderBy: { createdAt: "desc" },
          take: MAX_IDS,
        })
      : Promise.resolve([]),
    viewer
      ? db.follow.findUnique({ where: { userId_postId: { userId: viewer.id, postId } }, select: { id: true } })
      : Promise.resolve(null),
    viewer ? reportedByViewer(postId, viewer.id) : Promise.resolve(new Set<string>()),
  ]);
  const heldIds = own
    .filter((row) => row.status === "pending")
    .slice(0, MAX_OWN_HELD)
    .map((row) => row.id);
  const held = heldIds.length
    ? await db.comment.findMany({
        where: { id: { in: heldIds } },
        select: { id: true, parentId: true, bodyHtml: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      })
    : [];
  const wait = slowModeWait({
    actor: viewer,
    role: context.viewerRole,
    seconds: context.slowModeSeconds,
    lastCommentAt: own[0]?.createdAt ?? null,
  });
  const canReact = Boolean(viewer) && canReportComment(viewer, { authorId: null }, post.blogId);
  return {
    shared: true,
    count,
    asAnyMember:
      Boolean(viewer) && canReact && wait <= 0 && JSON.stringify(context.access) === JSON.stringify(anyMember.access),
    viewer: {
      ...context.access,
      canModerate: false,
      isFollowing: Boolean(follow),
      locked: context.locked,
      slowModeSeconds: context.slowModeSeconds,
      nextCommentAt: wait > 0 ? new Date(Date.now() + wait * 1000) : null,
    },
    personal: {
      liked: likes.map((like) => like.commentId),
      own: own.filter((row) => row.status === "approved").map((row) => row.id),
      reported: [...reported],
      held: held.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
      // Whether one may report is decided per comment (not one's own): the same rule for all of them.
      canReact,
      canReply: context.access.canComment,
    },
  };
}
