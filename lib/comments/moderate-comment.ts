import "server-only";
import { z } from "zod";
import { getBlogRole } from "@/lib/auth/blog-role";
import { canModerateComments, canNotifyMentions } from "@/lib/auth/policy";
import { sanctionsInForce, toSanctions } from "@/lib/auth/sanctions";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { queueCommentWebmentions } from "@/lib/links/webmention";
import { publishLive } from "@/lib/live";
import { recordAudit } from "@/lib/moderation";
import { pagesChanged } from "@/lib/page-cache";
import { commentsChanged } from "@/lib/search";
import type { Actor } from "./context";
import { requireSignedIn } from "./load-own";
import { prepareNotices, sendNoticeMail, writeNotices, type PreparedNotices } from "./notify";
import { RejectCommentSchema, type RejectCommentInput } from "./schemas";

/**
 * A moderator's decision on a comment (issue 11, item 2):
 * - approve: a held comment goes live (its notices are sent only now);
 * - restore: a removed, spam or hidden (reported) comment comes back;
 * - remove (reject, for a held one): taken down with a reason; readers see a placeholder that keeps the replies;
 * - spam: taken down as spam;
 * - keep: a reported comment (published, or hidden pending review) stays up, its reports dismissed.
 * Every decision resolves the comment's open reports (upheld when it goes down, dismissed when it
 * stays) and tells each reporter, never telling the author who reported.
 */
export const DECISIONS = ["approve", "restore", "remove", "spam", "keep"] as const;
type Decision = (typeof DECISIONS)[number];

/** The statuses each decision moves a comment from, and to. */
const MOVES: Record<Decision, { from: readonly string[]; to: string }> = {
  approve: { from: ["pending"], to: "approved" },
  restore: { from: ["hidden", "removed", "spam"], to: "approved" },
  remove: { from: ["pending", "approved", "hidden"], to: "removed" },
  spam: { from: ["pending", "approved", "hidden"], to: "spam" },
  keep: { from: ["approved", "hidden"], to: "approved" },
};

/** At most this many comments per bulk decision (a queue page). */
const MAX_BULK = 100;

const DecideCommentsSchema = z.object({
  ids: z.array(z.string().min(1).max(64)).min(1).max(MAX_BULK),
  decision: z.enum(DECISIONS),
  reason: z.string().trim().max(500).optional(),
});
export type DecideCommentsInput = z.input<typeof DecideCommentsSchema>;

const select = {
  id: true,
  postId: true,
  parentId: true,
  authorId: true,
  guestName: true,
  status: true,
  bodySource: true,
  openReports: true,
  author: { select: { name: true } },
  mentions: { select: { userId: true } },
  parent: { select: { authorId: true } },
  post: { select: { blogId: true, authorId: true, title: true } },
} as const;

/** The kinds of notice that announce a comment to readers (removed with it; report outcomes and sanctions stay). */
const ANNOUNCING = ["reply", "mention", "post_comment", "thread_comment", "comment_held"];

/**
 * decideComments: one decision on one or several comments (a queue's selection), all or nothing.
 * The actor must moderate every comment's blog; a comment that is not in a status the decision
 * moves from (another moderator acted first) makes the whole decision a CONFLICT and nothing
 * changes. Audit entries, notices and report outcomes are written in the same transaction; mail
 * and live events follow the commit.
 */
export async function decideComments(
  viewer: Actor,
  input: DecideCommentsInput,
): Promise<{ ids: string[]; status: string }> {
  const { ids: rawIds, decision, reason } = DecideCommentsSchema.parse(input);
  const actor = requireSignedIn(viewer);
  const ids = [...new Set(rawIds)];
  const comments = await db.comment.findMany({ where: { id: { in: ids } }, select });
  if (comments.length !== ids.length) throw new AppError("NOT_FOUND", "errors.notFound");
  const blogIds = [...new Set(comments.map((c) => c.post.blogId))];
  for (const blogId of blogIds)
    if (!canModerateComments(actor, await getBlogRole(actor.id, blogId)))
      throw new AppError("FORBIDDEN", "errors.forbidden");
  const move = MOVES[decision];
  if (comments.some((c) => !move.from.includes(c.status))) throw new AppError("CONFLICT", "errors.commentChanged");

  // The notices of comments that only now become public (approve), read before the transaction.
  const notices = new Map<string, PreparedNotices>();
  const authorIds = [...new Set(comments.map((c) => c.authorId).filter((id): id is string => !!id))];
  const inForce =
    decision === "approve" && authorIds.length
      ? await db.sanction.findMany({
          where: { userId: { in: authorIds }, ...sanctionsInForce().where },
          select: { userId: true, ...sanctionsInForce().select },
        })
      : [];
  const sanctions = (userId: string) => toSanctions(inForce.filter((row) => row.userId === userId));
  if (decision === "approve")
    for (const c of comments)
      notices.set(
        c.id,
        await prepareNotices({
          actorId: c.authorId,
          // An author suspended or banned there since writing it does not tell the people it mentions.
          mentionedIds:
            !c.authorId || canNotifyMentions({ id: c.authorId, sanctions: sanctions(c.authorId) }, c.post.blogId)
              ? c.mentions.map((m) => m.userId)
              : [],
          parentAuthorId: c.parent?.authorId,
          postAuthorId: c.post.authorId,
          followersOf: c.postId,
        }),
      );

  await db.$transaction(async (tx) => {
    for (const c of comments) {
      const { count } = await tx.comment.updateMany({
        where: { id: c.id, status: c.status },
        data: {
          status: move.to,
          openReports: 0,
          moderationReason: move.to === "approved" ? null : reason || null,
        },
      });
      if (count !== 1) throw new AppError("CONFLICT", "errors.commentChanged");
      await recordAudit(tx, {
        actorId: actor.id,
        blogId: c.post.blogId,
        action: `comment.${decision}`,
        subject: { type: "comment", id: c.id, name: c.author?.name ?? c.guestName },
        reason,
        before: { status: c.status },
        after: { status: move.to },
      });
      if (move.to !== "approved")
        await tx.notification.deleteMany({ where: { commentId: c.id, kind: { in: ANNOUNCING } } });
      else await tx.notification.deleteMany({ where: { commentId: c.id, kind: "comment_held" } });
      const prepared = notices.get(c.id);
      if (prepared) await writeNotices(tx, prepared, { actorId: c.authorId, postId: c.postId, commentId: c.id });
      if (c.openReports > 0) await resolveReports(tx, c, move.to === "approved" ? "dismissed" : "upheld");
    }
  });

  for (const c of comments) {
    const prepared = notices.get(c.id);
    if (prepared)
      sendNoticeMail(prepared, {
        postId: c.postId,
        commentId: c.id,
        actorName: c.author?.name ?? c.guestName ?? "",
        excerpt: c.bodySource,
      });
  }
  for (const postId of new Set(comments.map((c) => c.postId))) await pagesChanged(postId);
  await commentsChanged(ids);
  for (const c of comments) await queueCommentWebmentions(c.id);
  for (const c of comments)
    await publishLive(
      move.to === "approved"
        ? { type: "comment.created", postId: c.postId, commentId: c.id, parentId: c.parentId, actorId: actor.id }
        : { type: "comment.removed", postId: c.postId, commentId: c.id, actorId: actor.id },
    );
  return { ids, status: move.to };
}

/** resolveReports: closes the open reports of a comment with the outcome and tells each reporter. */
async function resolveReports(
  tx: Tx,
  comment: { id: string; postId: string },
  outcome: "upheld" | "dismissed",
): Promise<void> {
  const open = await tx.report.findMany({
    where: { commentId: comment.id, outcome: null },
    select: { reporterId: true },
  });
  if (!open.length) return;
  await tx.report.updateMany({
    where: { commentId: comment.id, outcome: null },
    data: { outcome, resolvedAt: new Date() },
  });
  await tx.notification.createMany({
    data: open.map(({ reporterId }) => ({
      userId: reporterId,
      kind: "report_outcome",
      postId: comment.postId,
      commentId: comment.id,
      detail: JSON.stringify({ outcome }),
    })),
  });
}

/** approveComment: a held comment goes live (decideComments with one id). */
export async function approveComment(viewer: Actor, commentId: string): Promise<{ id: string; status: "approved" }> {
  await decideComments(viewer, { ids: [commentId], decision: "approve" });
  return { id: commentId, status: "approved" };
}

/** rejectComment: a held or published comment is removed or marked spam, with an optional reason. */
export async function rejectComment(
  viewer: Actor,
  commentId: string,
  input: RejectCommentInput = {},
): Promise<{ id: string; status: "spam" | "removed" }> {
  const { as, reason } = RejectCommentSchema.parse(input);
  await decideComments(viewer, { ids: [commentId], decision: as === "spam" ? "spam" : "remove", reason });
  return { id: commentId, status: as };
}
