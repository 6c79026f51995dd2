import "server-only";
import { getBlogRoles } from "@/lib/auth/blog-role";
import { canReportComment, isBlogStaff, slowModeWait } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { listOpenReports, reportedByViewer, type OpenReport, type ReportReason } from "@/lib/moderation";
import { isPublic, publicPostWhere } from "@/lib/posts/public";
import { contextOf, contextPostSelect, type Actor, type PostContext } from "./context";
import { canSeeComment } from "./rules";
import type { ThreadSort } from "./schemas";
import { buildCommentTree, type CommentNode } from "./tree";

/** One comment as readers get it: a hidden one is a placeholder (no body, no author). */
export type ThreadItem = {
  id: string;
  postId: string;
  parentId: string | null;
  status: string;
  createdAt: Date;
  editedAt: Date | null;
  bodyHtml: string;
  likeCount: number;
  guestName: string | null;
  /** A guest's or another site's author's website (their h-card's url). */
  guestUrl: string | null;
  /** A reply received by Webmention: the original on the other site. */
  sourceUrl: string | null;
  author: { id: string; handle: string; name: string; image: string | null } | null;
  /** Written by the article's author (badge). */
  isPostAuthor: boolean;
  /** Written by an owner or moderator of the blog (badge). */
  isModerator: boolean;
  /** Written by the viewer: they may edit or delete it. */
  isOwn: boolean;
  viewerHasLiked: boolean;
  /** Held for moderation (shown only to moderators and its author). */
  isHeld: boolean;
  /** The markdown source, for the viewer's own comments only (their edit form). */
  ownSource: string | null;
  /** A moderator's note on their edit ("Edited by moderation: …"), shown with the text. */
  moderatorNote: string | null;
  /** Pinned above the others by a moderator. */
  isPinned: boolean;
  /** The viewer may report it (signed in, not theirs, not sanctioned, not reported yet). */
  canReport: boolean;
  /** The viewer has already reported it ("Reported"). */
  viewerHasReported: boolean;
  /** What only the blog's moderators see: the text's source (their edit form), why it was taken down, its open reports. */
  moderation: {
    source: string;
    reason: string | null;
    reports: { count: number; reasons: Partial<Record<ReportReason, number>>; notes: string[]; reporters: string[] };
  } | null;
};

export type ThreadViewer = PostContext["access"] & {
  canModerate: boolean;
  isFollowing: boolean;
  /** Locked by moderation: the form gives way to a notice. */
  locked: boolean;
  /** Slow mode's interval in seconds (null: off). */
  slowModeSeconds: number | null;
  /** In slow mode, when the viewer may comment again (null: now). */
  nextCommentAt: Date | null;
};
export type ThreadPage = {
  /** This page's number, from 1. */
  number: number;
  /** How many pages the discussion has (at least 1). */
  count: number;
  /** Top-level threads per page (the blog's setting). */
  size: number;
  /** Top-level threads the viewer has, on all pages. */
  threads: number;
};
export type ThreadResult = {
  /** The page's top-level threads, each with all its replies. */
  tree: CommentNode<ThreadItem>[];
  /** Approved comments: what a reader can count. */
  count: number;
  page: ThreadPage;
  viewer: ThreadViewer;
};

const rowSelect = {
  id: true,
  postId: true,
  parentId: true,
  authorId: true,
  guestName: true,
  guestUrl: true,
  sourceUrl: true,
  status: true,
  createdAt: true,
  editedAt: true,
  bodyHtml: true,
  bodySource: true,
  likeCount: true,
  moderationReason: true,
  moderatorNote: true,
  openReports: true,
} as const;
const authorSelect = { id: true, handle: true, name: true, image: true, deletedAt: true } as const;
const postSelect = contextPostSelect;

type CommentRow = {
  id: string;
  postId: string;
  parentId: string | null;
  authorId: string | null;
  guestName: string | null;
  guestUrl: string | null;
  sourceUrl: string | null;
  status: string;
  createdAt: Date;
  editedAt: Date | null;
  bodyHtml: string;
  bodySource: string;
  likeCount: number;
  moderationReason: string | null;
  moderatorNote: string | null;
  openReports: number;
};
type Author = { id: string; handle: string; name: string; image: string | null; deletedAt: Date | null };

/** What turns rows into items for one viewer. */
type Lens = {
  context: PostContext;
  viewer: Actor;
  authors: Map<string, Author>;
  staff: Set<string>;
  liked: Set<string>;
  reported: Set<string>;
  /** Open reports per comment (moderators only). */
  reports: Map<string, OpenReport[]>;
};

function reportSummary(reports: readonly OpenReport[]) {
  const reasons: Partial<Record<ReportReason, number>> = {};
  for (const report of reports) reasons[report.reason] = (reasons[report.reason] ?? 0) + 1;
  return {
    count: reports.length,
    reasons,
    notes: reports.flatMap((report) => (report.note ? [report.note] : [])),
    reporters: reports.map((report) => report.reporter),
  };
}

function toItem(
  { authorId, bodySource, moderationReason, moderatorNote, openReports: _open, ...row }: CommentRow,
  lens: Lens,
): ThreadItem {
  const visible = canSeeComment({ status: row.status, authorId }, lens.viewer, lens.context.canModerate);
  const author = authorId ? lens.authors.get(authorId) : undefined;
  const shown = visible && author && !author.deletedAt;
  return {
    id: row.id,
    postId: row.postId,
    parentId: row.parentId,
    // Readers learn a comment was taken down, not whether it was judged spam.
    status: !visible && row.status === "spam" ? "removed" : row.status,
    createdAt: row.createdAt,
    editedAt: visible ? row.editedAt : null,
    bodyHtml: visible ? row.bodyHtml : "",
    likeCount: visible ? row.likeCount : 0,
    guestName: visible ? row.guestName : null,
    guestUrl: visible ? row.guestUrl : null,
    sourceUrl: visible ? row.sourceUrl : null,
    author: shown ? { id: author.id, handle: author.handle, name: author.name, image: author.image } : null,
    isPostAuthor: Boolean(visible && authorId && authorId === lens.context.authorId),
    isModerator: Boolean(visible && authorId && lens.staff.has(authorId)),
    isOwn: Boolean(visible && authorId && authorId === lens.viewer?.id),
    viewerHasLiked: visible && lens.liked.has(row.id),
    isHeld: row.status === "pending",
    ownSource: visible && authorId && authorId === lens.viewer?.id ? bodySource : null,
    moderatorNote: visible ? moderatorNote : null,
    isPinned: row.status === "approved" && !row.parentId && lens.context.pinnedCommentId === row.id,
    canReport:
      row.status === "approved" &&
      !lens.reported.has(row.id) &&
      canReportComment(lens.viewer, { authorId }, lens.context.blogId),
    viewerHasReported: lens.reported.has(row.id),
    moderation: lens.context.canModerate
      ? {
          source: bodySource,
          reason: moderationReason,
          reports: reportSummary(lens.reports.get(row.id) ?? []),
        }
      : null,
  };
}

/** isShown: the viewer reads the comment (else it is a placeholder, kept only for its visible replies). */
const isShown = (item: ThreadItem) => item.bodyHtml !== "";

const groupReports = (reports: readonly OpenReport[]) => {
  const map = new Map<string, OpenReport[]>();
  for (const report of reports) map.set(report.commentId, [...(map.get(report.commentId) ?? []), report]);
  return map;
};

const skeletonSelect = {
  id: true,
  parentId: true,
  authorId: true,
  status: true,
  createdAt: true,
  likeCount: true,
} as const;
/** What pagination needs of every comment: no text, so a 10,000-comment thread stays small in memory. */
export type Skeleton = {
  id: string;
  parentId: string | null;
  authorId: string | null;
  status: string;
  createdAt: Date;
  likeCount: number;
  /** The viewer reads it (else a placeholder, kept only for its visible replies). */
  shown: boolean;
  isPinned: boolean;
};

/**
 * loadThread: the skeleton of a public article's discussion (every comment without its text)
 * and what turns rows into items for the viewer, in a CONSTANT number of queries whatever the
 * thread's size: the post, then (together) the comments, their authors, the blog's staff, the
 * viewer's likes, follow and reports.
 */
export async function loadThread(postId: string, viewer: Actor) {
  const post = await db.post.findFirst({
    where: { id: postId, ...publicPostWhere() },
    select: { ...postSelect, blog: { select: { ...postSelect.blog.select, commentsPerPage: true } } },
  });
  if (!post) throw new AppError("NOT_FOUND", "errors.notFound");
  const [rows, authors, roles, likes, follow, reported] = await Promise.all([
    // "importing": a WordPress or Disqus import still running (lib/import) shows nothing of itself.
    db.comment.findMany({
      where: { postId, status: { not: "importing" } },
      select: skeletonSelect,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    // Authors through a join on the comments, not an IN list of ids that would grow (and be split) with the thread.
    db.user.findMany({ where: { comments: { some: { postId } } }, select: authorSelect }),
    getBlogRoles(post.blogId),
    viewer
      ? db.reaction.findMany({
          where: { userId: viewer.id, kind: "like", comment: { postId } },
          select: { commentId: true },
        })
      : Promise.resolve([]),
    viewer
      ? db.follow.findUnique({ where: { userId_postId: { userId: viewer.id, postId } }, select: { id: true } })
      : Promise.resolve(null),
    viewer ? reportedByViewer(postId, viewer.id) : Promise.resolve(new Set<string>()),
  ]);
  const context = contextOf(post, viewer, (viewer && roles.get(viewer.id)) ?? null);
  // The reports, with who made them, only for the blog's moderators (one more query for them).
  const reports = context.canModerate ? groupReports(await listOpenReports(postId)) : new Map<string, OpenReport[]>();
  const lens: Lens = {
    context,
    viewer,
    authors: new Map(authors.map((author) => [author.id, author])),
    staff: new Set([...roles].filter(([, role]) => isBlogStaff(role)).map(([userId]) => userId)),
    liked: new Set(likes.map((like) => like.commentId)),
    reported,
    reports,
  };
  const skeleton: Skeleton[] = rows.map((row) => {
    const shown = canSeeComment(row, viewer, context.canModerate);
    return {
      ...row,
      shown,
      likeCount: shown ? row.likeCount : 0,
      isPinned: row.status === "approved" && !row.parentId && context.pinnedCommentId === row.id,
    };
  });
  const count = rows.filter((row) => row.status === "approved").length;
  // Slow mode: the viewer's last comment is among the rows already read.
  const last = viewer
    ? rows.reduce<Date | null>(
        (latest, row) => (row.authorId === viewer.id && (!latest || row.createdAt > latest) ? row.createdAt : latest),
        null,
      )
    : null;
  const wait = slowModeWait({
    actor: viewer,
    role: context.viewerRole,
    seconds: context.slowModeSeconds,
    lastCommentAt: last,
  });
  const nextCommentAt = wait > 0 ? new Date(Date.now() + wait * 1000) : null;
  const pageSize = post.blog.commentsPerPage;
  return { context, lens, skeleton, count, isFollowing: Boolean(follow), nextCommentAt, pageSize };
}

// SQLite takes at most 999 bound values per statement (Prisma splits longer IN lists into
// several queries): past this many ids, one query reads the article's rows and keeps the wanted.
const MAX_IN_LIST = 900;

/** loadItems: one query for the full rows of the given comments (null: all), as items for the lens. */
async function loadItems(postId: string, ids: readonly string[] | null, lens: Lens): Promise<Map<string, ThreadItem>> {
  const where = ids && ids.length <= MAX_IN_LIST ? { postId, id: { in: [...ids] } } : { postId };
  const rows = await db.comment.findMany({ where, select: rowSelect });
  const wanted = ids ? new Set(ids) : null;
  const items = new Map<string, ThreadItem>();
  for (const row of rows) if (!wanted || wanted.has(row.id)) items.set(row.id, toItem(row, lens));
  return items;
}

/** dress: a skeleton subtree with the items' fields (a comment gone between the two reads drops out). */
function dress(nodes: readonly CommentNode<Skeleton>[], items: Map<string, ThreadItem>): CommentNode<ThreadItem>[] {
  return nodes.flatMap((node) => {
    const item = items.get(node.id);
    return item ? [{ ...item, depth: node.depth, replies: dress(node.replies, items) }] : [];
  });
}

const subtreeIds = (nodes: readonly CommentNode<Skeleton>[]): string[] =>
  nodes.flatMap((node) => [node.id, ...subtreeIds(node.replies)]);

function sortRoots<T extends CommentNode<Skeleton>>(tree: T[], sort: ThreadSort): T[] {
  let sorted = tree;
  if (sort === "newest") sorted = [...tree].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  if (sort === "liked")
    sorted = [...tree].sort((a, b) => b.likeCount - a.likeCount || a.createdAt.getTime() - b.createdAt.getTime());
  // The pinned comment comes first, whatever the order.
  const pinned = sorted.find((node) => node.isPinned);
  return pinned ? [pinned, ...sorted.filter((node) => node !== pinned)] : sorted;
}

/** The skeleton as the viewer's tree: top-level threads in the chosen order, replies oldest first. */
export const skeletonTree = (skeleton: readonly Skeleton[], sort: ThreadSort) =>
  sortRoots(
    buildCommentTree(skeleton, (node) => node.shown),
    sort,
  );

/**
 * listThread: one page of an article's discussion for the viewer, as a tree: `pageSize`
 * top-level threads (the blog's setting) in the chosen order across pages, each with all its
 * replies oldest first; held comments only for the blog's moderators and their author;
 * placeholders for hidden comments with visible replies. A page past the last reads as the
 * last. Constant query count; only the page's comments are read with their text.
 */
export async function listThread(
  postId: string,
  viewer: Actor,
  options: { sort?: ThreadSort; page?: number } = {},
): Promise<ThreadResult> {
  const { context, lens, skeleton, count, isFollowing, nextCommentAt, pageSize } = await loadThread(postId, viewer);
  const roots = skeletonTree(skeleton, options.sort ?? "oldest");
  const pageCount = Math.max(1, Math.ceil(roots.length / pageSize));
  const number = Math.min(Math.max(1, Math.trunc(options.page ?? 1)), pageCount);
  const shown = roots.slice((number - 1) * pageSize, number * pageSize);
  const items = await loadItems(postId, subtreeIds(shown), lens);
  return {
    tree: dress(shown, items),
    count,
    page: { number, count: pageCount, size: pageSize, threads: roots.length },
    viewer: {
      ...context.access,
      canModerate: context.canModerate,
      isFollowing,
      locked: context.locked,
      slowModeSeconds: context.slowModeSeconds,
      nextCommentAt,
    },
  };
}

/** flattenThread: the tree in reading order, each comment with its depth (the API's `format=flat`). */
export function flattenThread(tree: readonly CommentNode<ThreadItem>[]): (ThreadItem & { depth: number })[] {
  return tree.flatMap(({ replies, ...item }) => [item, ...flattenThread(replies)]);
}

/**
 * getCommentContext: a comment's own page: the chain of its ancestors (root first, without
 * their other replies) and the subtree rooted at it, for branches deeper than the article shows.
 */
export async function getCommentContext(
  commentId: string,
  viewer: Actor,
): Promise<{ postId: string; ancestors: ThreadItem[]; comment: CommentNode<ThreadItem> }> {
  const found = await db.comment.findUnique({ where: { id: commentId }, select: { postId: true } });
  if (!found) throw new AppError("NOT_FOUND", "errors.notFound");
  const { lens } = await loadThread(found.postId, viewer);
  const items = [...(await loadItems(found.postId, null, lens)).values()];
  const path: CommentNode<ThreadItem>[] = [];
  const search = (nodes: CommentNode<ThreadItem>[]): boolean =>
    nodes.some((node) => {
      path.push(node);
      if (node.id === commentId || search(node.replies)) return true;
      path.pop();
      return false;
    });
  if (!search(buildCommentTree(items, isShown))) throw new AppError("NOT_FOUND", "errors.notFound");
  const comment = path.pop()!;
  const ancestors = path.map(({ replies: _replies, depth: _depth, ...item }) => item);
  return { postId: found.postId, ancestors, comment };
}

/**
 * getComment: one comment as the viewer may see it (live updates refetch through it). A
 * deleted or removed one comes back as a placeholder; a held one is NOT_FOUND except to
 * moderators and its author.
 */
export async function getComment(commentId: string, viewer: Actor): Promise<ThreadItem> {
  const row = await db.comment.findUnique({
    where: { id: commentId },
    select: { ...rowSelect, post: { select: { ...postSelect, ...publicFields } } },
  });
  if (!row || !isPublic(row.post)) throw new AppError("NOT_FOUND", "errors.notFound");
  const { post, ...comment } = row;
  const roles = await getBlogRoles(
    post.blogId,
    [viewer?.id, comment.authorId].filter((id): id is string => !!id),
  );
  const [author, like, reported, reports] = await Promise.all([
    comment.authorId ? db.user.findUnique({ where: { id: comment.authorId }, select: authorSelect }) : null,
    viewer
      ? db.reaction.findUnique({
          where: { commentId_userId_kind: { commentId, userId: viewer.id, kind: "like" } },
          select: { id: true },
        })
      : null,
    viewer
      ? db.report.findUnique({
          where: { commentId_reporterId: { commentId, reporterId: viewer.id } },
          select: { id: true },
        })
      : null,
    comment.openReports > 0 ? listOpenReports(comment.postId) : Promise.resolve([]),
  ]);
  const context = contextOf(post, viewer, (viewer && roles.get(viewer.id)) ?? null);
  const staffRole = comment.authorId ? (roles.get(comment.authorId) ?? null) : null;
  const item = toItem(comment, {
    context,
    viewer,
    authors: new Map(author ? [[author.id, author]] : []),
    staff: new Set(isBlogStaff(staffRole) ? [comment.authorId!] : []),
    liked: new Set(like ? [commentId] : []),
    reported: new Set(reported ? [commentId] : []),
    reports: context.canModerate
      ? groupReports(reports.filter((report) => report.commentId === commentId))
      : new Map<string, OpenReport[]>(),
  });
  if (item.status === "pending" && !isShown(item)) throw new AppError("NOT_FOUND", "errors.notFound");
  return item;
}

const publicFields = { status: true, deletedAt: true, publishedAt: true } as const;

/** assertPublicThread: NOT_FOUND unless the article is public (the live stream checks this before subscribing). */
export async function assertPublicThread(postId: string): Promise<void> {
  const post = await db.post.findFirst({ where: { id: postId, ...publicPostWhere() }, select: { id: true } });
  if (!post) throw new AppError("NOT_FOUND", "errors.notFound");
}
