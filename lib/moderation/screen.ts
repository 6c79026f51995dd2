import "server-only";
import { appUrl } from "@/lib/auth/app-url";
import { db } from "@/lib/db";
import { checkSpam, spamCheckConfig, type SpamVerdict } from "./akismet";
import { evaluateComment, type Evaluation, type EvaluationInput } from "./rules";

/** A new comment as screenComment needs it (lib/comments/create-comment.ts builds it). */
export type ScreenInput = {
  postId: string;
  blogId: string;
  /** The signed-in author, or null for a guest. */
  authorId: string | null;
  authorName: string;
  guestEmail: string | null;
  /** The markdown body as written. */
  body: string;
  /** Distinct links of the rendered body. */
  linkCount: number;
  /** Owner or moderator of the blog, or instance admin (canModerate). */
  isStaff: boolean;
  /** The value of the form's honeypot field ("" or absent: a person). */
  honeypot?: string | null;
  /** The client's address as the server decided it, and its User-Agent. */
  address?: string | null;
  userAgent?: string | null;
};

/**
 * screenComment: the blog's rules applied to a new comment, BEFORE its transaction (the spam
 * check is a network call). Honeypot and reject words cost nothing; then the spam service
 * (when configured, on for the blog, and the author is not staff); then one indexed query for
 * "first comment" when that rule is on. At most two queries and one fetch.
 */
export async function screenComment(input: ScreenInput): Promise<Evaluation> {
  const post = await db.post.findUnique({
    where: { id: input.postId },
    select: {
      slug: true,
      blog: {
        select: {
          slug: true,
          language: true,
          holdUntilApproved: true,
          holdLinkLimit: true,
          holdWords: true,
          rejectWords: true,
          spamCheck: true,
        },
      },
    },
  });
  if (!post) return { verdict: "publish", heldBy: [] };
  const { blog } = post;
  const base: EvaluationInput = {
    rules: blog,
    text: input.authorId ? input.body : `${input.authorName}\n${input.body}`,
    linkCount: input.linkCount,
    isStaff: input.isStaff,
    honeypot: Boolean(input.honeypot?.trim()),
    spam: "skipped",
    firstComment: false,
  };
  const early = evaluateComment(base);
  if (early.verdict === "spam" || early.verdict === "reject" || input.isStaff) return early;

  let spam: SpamVerdict | "skipped" = "skipped";
  if (blog.spamCheck && spamCheckConfig()) {
    spam = await checkSpam({
      blogUrl: appUrl(`/${blog.slug}`),
      permalink: appUrl(`/${blog.slug}/${post.slug}`),
      language: blog.language,
      userIp: input.address ?? null,
      userAgent: input.userAgent ?? null,
      authorName: input.authorName,
      authorEmail: input.guestEmail,
      content: input.body,
    });
  }
  const firstComment =
    blog.holdUntilApproved && spam !== "spam" ? !(await hasApprovedComment(input.blogId, input)) : false;
  return evaluateComment({ ...base, spam, firstComment });
}

/** hasApprovedComment: one of this person's comments (their account, or as a guest their e-mail) was approved on the blog. */
async function hasApprovedComment(
  blogId: string,
  who: { authorId: string | null; guestEmail: string | null },
): Promise<boolean> {
  const author = who.authorId ? { authorId: who.authorId } : who.guestEmail ? { guestEmail: who.guestEmail } : null;
  if (!author) return false;
  const found = await db.comment.findFirst({
    where: { ...author, status: "approved", post: { blogId } },
    select: { id: true },
  });
  return found !== null;
}
