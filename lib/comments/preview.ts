import "server-only";
import { loadPostContext, type Actor } from "./context";
import { renderCommentBody } from "./render-body";
import { CommentBodySchema } from "./schemas";

/** previewComment: the HTML a comment would have on this article (same pipeline, mentions resolved). */
export async function previewComment(viewer: Actor, postId: string, body: string): Promise<string> {
  const parsed = CommentBodySchema.safeParse(body);
  if (!parsed.success) return "";
  const context = await loadPostContext(postId, viewer);
  return (await renderCommentBody(parsed.data, context)).html;
}
