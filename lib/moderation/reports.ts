import "server-only";
import { z } from "zod";
import { canReportComment, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { publishLive } from "@/lib/live";
import { pagesChanged } from "@/lib/page-cache";
import { commentsChanged } from "@/lib/search";
import { publicPostWhere } from "@/lib/posts/public";
import { consume } from "@/lib/security";
import { recordAudit } from "./audit";

// Reports (issue 11, item 4): a signed-in reader reports someone else's comment once, with a
// reason. When the comment's open reports reach the blog's threshold it is hidden pending review
// (status "hidden"), and only a moderator's decision (decideComments) takes it out of that state.
// Reporters' identities are for the blog's moderators only.

export const REPORT_REASONS = ["spam", "harassment", "off_topic", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** ReportSchema: a reason, and a note (required for "other", 500 characters at most). */
export const ReportSchema = z
  .object({
    reason: z.enum(REPORT_REASONS, "validation.reportReason"),
    note: z
      .string()
      .trim()
      .max(500, "validation.reportNoteTooLong")
      .optional()
      .transform((note) => note || undefined),
  })
  .refine((report) => report.reason !== "other" || Boolean(report.note), {
    message: "validation.reportNoteRequired",
    path: ["note"],
  });
export type ReportInput = z.input<typeof ReportSchema>;

/** The statuses a comment can be reported in: published, or already hidden by other reports. */
const REPORTABLE = ["approved", "hidden"];

/**
 * reportComment: records the actor's report on a comment (once: CONFLICT afterwards), counts it
 * in Comment.openReports and, when the open reports reach the blog's reportThreshold, hides the
 * comment pending review with an audit entry by the system (actor null, reason "reports") — all
 * in one transaction. Rate limited per person.
 */
export async function reportComment(
  viewer: Actor,
  commentId: string,
  input: ReportInput,
): Promise<{ commentId: string; hidden: boolean }> {
  const { reason, note } = ReportSchema.parse(input);
  if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
  const comment = await db.comment.findFirst({
    where: { id: commentId, post: publicPostWhere() },
    select: {
      id: true,
      postId: true,
      authorId: true,
      status: true,
      guestName: true,
      author: { select: { name: true } },
      post: { select: { blogId: true, blog: { select: { reportThreshold: true } } } },
    },
  });
  if (!comment || !REPORTABLE.includes(comment.status)) throw new AppError("NOT_FOUND", "errors.notFound");
  const blogId = comment.post.blogId;
  if (!canReportComment(viewer, comment, blogId))
    throw new AppError("FORBIDDEN", comment.authorId === viewer.id ? "errors.reportOwn" : "errors.sanctioned");
  await consume("report", viewer.id);

  const threshold = Math.max(1, comment.post.blog.reportThreshold);
  let hidden = false;
  try {
    await db.$transaction(async (tx) => {
      await tx.report.create({ data: { commentId, reporterId: viewer.id, reason, note: note ?? null } });
      const counted = await tx.comment.update({
        where: { id: commentId },
        data: { openReports: { increment: 1 } },
        select: { openReports: true, status: true },
      });
      if (counted.status !== "approved" || counted.openReports < threshold) return;
      const { count } = await tx.comment.updateMany({
        where: { id: commentId, status: "approved" },
        data: { status: "hidden" },
      });
      if (count !== 1) return;
      hidden = true;
      await recordAudit(tx, {
        actorId: null,
        blogId,
        action: "comment.hide",
        subject: { type: "comment", id: commentId, name: comment.author?.name ?? comment.guestName },
        reason: "reports",
        before: { status: "approved" },
        after: { status: "hidden", openReports: counted.openReports, threshold },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "errors.alreadyReported");
    throw error;
  }
  if (hidden) {
    await pagesChanged(comment.postId);
    await commentsChanged([commentId]);
    // The report that tipped it is this reader's act (their page shows the outcome already).
    await publishLive({ type: "comment.removed", postId: comment.postId, commentId, actorId: viewer.id });
  }
  return { commentId, hidden };
}

/** One open report as the blog's moderators see it (reporter names only for them). */
export type OpenReport = { commentId: string; reason: ReportReason; note: string | null; reporter: string };

/**
 * listOpenReports: the open reports on an article's comments, for its moderators (the caller
 * checks canSeeReports); one query.
 */
export async function listOpenReports(postId: string): Promise<OpenReport[]> {
  const rows = await db.report.findMany({
    where: { outcome: null, comment: { postId } },
    orderBy: { createdAt: "asc" },
    select: { commentId: true, reason: true, note: true, reporter: { select: { name: true } } },
  });
  return rows.map((row) => ({
    commentId: row.commentId,
    reason: (REPORT_REASONS as readonly string[]).includes(row.reason) ? (row.reason as ReportReason) : "other",
    note: row.note,
    reporter: row.reporter.name,
  }));
}

/** reportedByViewer: which comments of the article the viewer has reported (to show "Reported"); one query. */
export async function reportedByViewer(postId: string, viewerId: string): Promise<Set<string>> {
  const rows = await db.report.findMany({
    where: { reporterId: viewerId, comment: { postId } },
    select: { commentId: true },
  });
  return new Set(rows.map((row) => row.commentId));
}
