import "server-only";
import { db, newId } from "@/lib/db";
import { canNotifyMentions } from "@/lib/auth/policy";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { queueCommentWebmentions } from "@/lib/links/webmention";
import { publishLive } from "@/lib/live";
import { noticeHeldComment, screenComment, serializeHeldBy } from "@/lib/moderation";
import { pagesChanged } from "@/lib/page-cache";
import { commentsChanged } from "@/lib/search";
import { consume } from "@/lib/security";
import { loadPostContext, type Actor, type CommentViewer } from "./context";
import { noticeWrites, prepareNotices, sendNoticeMail } from "./notify";
import { renderCommentBody } from "./render-body";
import { assertCanComment, canSeeComment } from "./rules";
import { assertSlowMode } from "./slow-mode";
import { CreateCommentSchema, type CreateCommentInput } from "./schemas";

/**
 * What the caller learns: the new comment's id and whether it waits for moderation, with its
 * stored (sanitized) HTML and date, so a guest's own held comment can be shown to them alone.
 */
export type CreatedComment = {
  id: string;
  postId: string;
  parentId: string | null;
  status: "approved" | "pending";
  bodyHtml: string;
  createdAt: Date;
};

/**
 * Facts about the request, never from the comment's fields: `ip` the rate-limit key, `address`
 * the client's exact address and `userAgent` (for the spam check), `honeypot` the form's trap field.
 */
export type CommentMeta = { ip?: string; address?: string | null; userAgent?: string | null; honeypot?: string | null };

/** The parent a reply hangs under: same article, still standing, and visible to the replier. */
async function checkParent(parentId: string, postId: string, viewer: Actor, canModerate: boolean) {
  const parent = await db.comment.findUnique({
    where: { id: parentId },
    select: { id: true, postId: true, status: true, authorId: true },
  });
  // Never trust a parent id from a form: it must belong to this very article.
  if (!parent || parent.postId !== postId)
    throw new AppError("INVALID_INPUT", "errors.parentInvalid", { field: "parentId" });
  if (["deleted", "removed", "spam", "hidden"].includes(parent.status))
    throw new AppError("INVALID_INPUT", "errors.parentGone", { field: "parentId" });
  if (!canSeeComment(parent, viewer, canModerate))
    throw new AppError("INVALID_INPUT", "errors.parentInvalid", { field: "parentId" });
  return parent;
}

/**
 * createComment: a comment or reply by a signed-in person, or by a guest where the blog allows
 * it (held for moderation). Checks the article's policy, the parent, the rate limit and the
 * mention cap; then writes the comment, its mentions, the notices (reply, mention, comment on
 * your article, followed thread: one per person, most specific kind, preferences honoured,
 * never the actor) and the author's follow in ONE transaction. After commit: emails and the
 * live event. A held comment notifies only the blog's owners and moderators (noticeHeldComment)
 * until it is approved.
 */
export async function createComment(
  viewer: CommentViewer | null,
  input: CreateCommentInput,
  meta: CommentMeta = {},
): Promise<CreatedComment> {
  const data = CreateCommentSchema.parse(input);
  const context = await loadPostContext(data.postId, viewer);
  assertCanComment(context.access);
  const asGuest = context.access.asGuest;
  if (asGuest && (!data.guestName || !data.guestEmail)) {
    const field = data.guestName ? "guestEmail" : "guestName";
    throw new AppError("INVALID_INPUT", "validation.guestIdentityRequired", { field });
  }
  await assertSlowMode(context, viewer, asGuest ? data.guestEmail : undefined);
  const parent = data.parentId ? await checkParent(data.parentId, data.postId, viewer, context.canModerate) : null;
  await consume("comment", viewer ? viewer.id : `guest:${meta.ip ?? "unknown"}`);

  const rendered = await renderCommentBody(data.body, context);
  // The blog's rules (lib/moderation): reject (nothing saved), spam (kept, never shown), hold or publish.
  const screening = await screenComment({
    postId: data.postId,
    blogId: context.blogId,
    authorId: viewer?.id ?? null,
    authorName: viewer?.name ?? data.guestName ?? "",
    guestEmail: asGuest ? (data.guestEmail ?? null) : null,
    body: data.body,
    linkCount: rendered.links.length,
    isStaff: context.canModerate,
    honeypot: meta.honeypot,
    address: meta.address,
    userAgent: meta.userAgent,
  });
  if (screening.verdict === "reject")
    throw new AppError("INVALID_INPUT", "errors.commentRejectedWords", { field: "body" });
  const status =
    screening.verdict === "spam"
      ? "spam"
      : context.access.held || screening.verdict === "hold"
        ? "pending"
        : "approved";
  const actorId = viewer?.id ?? null;
  const notices =
    status === "approved"
      ? await prepareNotices({
          actorId,
          // A person sanctioned on the blog never reaches here (assertCanComment), and never tells anyone.
          mentionedIds:
            !viewer || canNotifyMentions(viewer, context.blogId) ? rendered.mentions.map((user) => user.id) : [],
          parentAuthorId: parent?.authorId,
          postAuthorId: context.authorId,
          followersOf: data.postId,
        })
      : { inApp: [], email: [] };

  // One batch transaction (a single round through Prisma's engine, several times cheaper than
  // an interactive one): the comment's id is chosen here so its mentions and notices can name it.
  const comment = { id: newId() };
  const following = viewer
    ? await db.follow.findUnique({
        where: { userId_postId: { userId: viewer.id, postId: data.postId } },
        select: { id: true },
      })
    : null;
  const write = (follow: boolean) =>
    db.$transaction([
      db.comment.create({
        data: {
          id: comment.id,
          postId: data.postId,
          parentId: parent?.id ?? null,
          authorId: actorId,
          guestName: asGuest ? data.guestName : null,
          guestEmail: asGuest ? data.guestEmail : null,
          bodySource: data.body,
          bodyHtml: rendered.html,
          renderVersion: rendered.renderVersion,
          status,
          heldBy: serializeHeldBy(screening.heldBy),
        },
        select: { id: true, createdAt: true },
      }),
      ...(rendered.mentions.length
        ? [
            db.mention.createMany({
              data: rendered.mentions.map((user) => ({ userId: user.id, commentId: comment.id })),
            }),
          ]
        : []),
      ...noticeWrites(notices, { actorId, postId: data.postId, commentId: comment.id }),
      // Commenting follows the discussion (new comments are notified from now on).
      ...(viewer && follow ? [db.follow.create({ data: { userId: viewer.id, postId: data.postId } })] : []),
    ]);
  let written: Awaited<ReturnType<typeof write>>;
  try {
    written = await write(Boolean(viewer && !following));
  } catch (error) {
    // The same person's other comment started following a moment ago: nothing was written.
    if (!(viewer && !following && isUniqueViolation(error))) throw error;
    written = await write(false);
  }

  if (status === "approved") {
    await queueCommentWebmentions(comment.id, { newLinks: rendered.links });
    sendNoticeMail(notices, {
      postId: data.postId,
      commentId: comment.id,
      actorName: viewer?.name ?? data.guestName ?? "",
      excerpt: rendered.plainText,
    });
    await pagesChanged(data.postId);
    await commentsChanged([comment.id]);
    await publishLive({
      type: "comment.created",
      postId: data.postId,
      commentId: comment.id,
      parentId: parent?.id ?? null,
      actorId,
    });
  } else if (status === "pending") {
    // Held, whatever held it: the blog's owners and moderators hear of it (never undoes the
    // comment). Spam (the honeypot, the spam check) tells nobody.
    await noticeHeldComment({
      id: comment.id,
      postId: data.postId,
      authorId: actorId,
      authorName: viewer?.name ?? data.guestName ?? "",
      excerpt: rendered.plainText,
    }).catch((error: unknown) => {
      console.error(`[moderation] held-comment notice for ${comment.id} failed:`, (error as Error).message);
    });
  }
  // Spam looks like any held comment to whoever sent it.
  return {
    id: comment.id,
    postId: data.postId,
    parentId: parent?.id ?? null,
    status: status === "spam" ? "pending" : status,
    bodyHtml: rendered.html,
    createdAt: (written[0] as { createdAt: Date }).createdAt,
  };
}
