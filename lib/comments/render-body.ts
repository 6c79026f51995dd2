import "server-only";
import { renderPool } from "@/lib/markdown";
import { resolveMentions, type MentionUser } from "@/lib/mentions";
import type { PostContext } from "./context";

/** A comment body ready to store: sanitized HTML with mention links, its text, and who it mentions. */
export type RenderedComment = { html: string; plainText: string; mentions: MentionUser[]; links: string[] };

/**
 * renderCommentBody: renders the comment subset in the render worker (bounded in nesting and
 * time), from one parse: the worker reads the body's @mentions from its syntax tree (never in
 * code), they are resolved against the thread here (two queries at most; INVALID_INPUT
 * validation.tooManyMentions past the cap), and the worker turns them into links.
 */
export async function renderCommentBody(body: string, context: PostContext): Promise<RenderedComment> {
  let users: MentionUser[] = [];
  const rendered = await renderPool().render(
    body,
    { kind: "comment" },
    {
      resolveMentions: async (candidates) => {
        const resolved = await resolveMentions(candidates, {
          postId: context.postId,
          blogId: context.blogId,
          postAuthorId: context.authorId,
        });
        users = resolved.users;
        return resolved;
      },
    },
  );
  return { html: rendered.html, plainText: rendered.plainText, mentions: users, links: rendered.links };
}
