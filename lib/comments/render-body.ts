import "server-only";
import { blogRenderOptions, renderPool, RENDER_VERSION } from "@/lib/markdown";
import { pickMentions, resolveMentions, type MentionPerson, type MentionUser } from "@/lib/mentions";
import type { PostContext } from "./context";

/** A comment body ready to store: sanitized HTML with mention links, its text, and who it mentions. */
export type RenderedComment = {
  html: string;
  plainText: string;
  mentions: MentionUser[];
  links: string[];
  /** The pipeline version that rendered it (the row's renderVersion). */
  renderVersion: number;
};

/** What rendering a comment needs to know about its article: the thread (mentions) and its blog's settings. */
export type CommentRenderContext = Pick<PostContext, "postId" | "blogId" | "authorId" | "rendering">;

/**
 * renderCommentBody: renders the comment subset in the render worker (bounded in nesting and
 * time) with its blog's settings (French typography), from one parse: the worker reads the
 * body's @mentions from its syntax tree (never in code), they are resolved against the thread
 * here (two queries at most; INVALID_INPUT validation.tooManyMentions past the cap), and the
 * worker turns them into links.
 */
export async function renderCommentBody(body: string, context: CommentRenderContext): Promise<RenderedComment> {
  let users: MentionUser[] = [];
  const rendered = await renderPool().render(body, blogRenderOptions(context.rendering, "comment"), {
    resolveMentions: async (candidates) => {
      const resolved = await resolveMentions(candidates, {
        postId: context.postId,
        blogId: context.blogId,
        postAuthorId: context.authorId,
      });
      users = resolved.users;
      return resolved;
    },
  });
  return {
    html: rendered.html,
    plainText: rendered.plainText,
    mentions: users,
    links: rendered.links,
    renderVersion: RENDER_VERSION,
  };
}

/**
 * rerenderStoredComment: a stored comment rendered again by the current pipeline with its blog's
 * settings, its @mentions matched only against the people it is stored as mentioning (no lookup:
 * a later namesake or a renamed account never changes whom an old comment points at).
 */
export async function rerenderStoredComment(
  body: string,
  rendering: CommentRenderContext["rendering"],
  mentioned: readonly Omit<MentionPerson, "rank">[],
): Promise<string> {
  const people: MentionPerson[] = mentioned.map((person) => ({ ...person, rank: 1 }));
  const rendered = await renderPool().render(body, blogRenderOptions(rendering, "comment"), {
    resolveMentions: async (candidates) => pickMentions(candidates, people),
  });
  return rendered.html;
}
