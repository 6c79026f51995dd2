import "server-only";
import { consume } from "@/lib/security";
import { loadPostContext, type Actor } from "./context";
import { renderCommentBody } from "./render-body";
import { CommentBodySchema } from "./schemas";

/**
 * previewComment: the HTML a comment would have on this article (same pipeline, mentions
 * resolved), or "" for an empty or oversized body. Limited per person (per address for guests):
 * previews need no sign-in, so each one counts (RATE_LIMITED past PREVIEWS_PER_MINUTE); a text
 * the pipeline refuses throws INVALID_INPUT validation.markdownToo….
 */
export async function previewComment(
  viewer: Actor,
  postId: string,
  body: string,
  client: { ip: string },
): Promise<string> {
  await consume("preview", viewer ? `user:${viewer.id}` : `ip:${client.ip}`);
  const parsed = CommentBodySchema.safeParse(body);
  if (!parsed.success) return "";
  const context = await loadPostContext(postId, viewer);
  return (await renderCommentBody(parsed.data, context)).html;
}
