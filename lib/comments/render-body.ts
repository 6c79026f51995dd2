import "server-only";
import { renderMarkdown } from "@/lib/markdown";
import { parseMentionCandidates, remarkMentions, resolveMentions, type MentionUser } from "@/lib/mentions";
import type { PostContext } from "./context";

/** A comment body ready to store: sanitized HTML with mention links, its text, and who it mentions. */
export type RenderedComment = { html: string; plainText: string; mentions: MentionUser[] };

/**
 * renderCommentBody: resolves the body's @mentions against the thread (two queries at most;
 * INVALID_INPUT validation.tooManyMentions past the cap) and renders the comment subset with
 * mention links, from the syntax tree (never inside code).
 */
export async function renderCommentBody(body: string, context: PostContext): Promise<RenderedComment> {
  const resolved = await resolveMentions(parseMentionCandidates(body), {
    postId: context.postId,
    blogId: context.blogId,
    postAuthorId: context.authorId,
  });
  const rendered = renderMarkdown(body, { kind: "comment", remarkPlugins: [remarkMentions(resolved)] });
  return { html: rendered.html, plainText: rendered.plainText, mentions: resolved.users };
}
