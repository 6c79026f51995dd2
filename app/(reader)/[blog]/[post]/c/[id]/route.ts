import { z } from "zod";
import { getViewer } from "@/lib/auth";
import { resolveCommentLink } from "@/lib/comments";

export const dynamic = "force-dynamic";

const ParamsSchema = z.object({
  blog: z.string().regex(/^[a-z0-9-]{1,80}$/),
  post: z.string().regex(/^[a-z0-9-]{1,200}$/),
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
});

/**
 * GET /<blog>/<post>/c/<id>: a comment's permalink. Redirects to the page of the discussion that
 * holds it for this viewer (`?page=N#comment-<id>`), to its own page when it is deeper than the
 * article shows, or to the article itself when the comment is gone or not theirs to read.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ blog: string; post: string; id: string }> },
) {
  const input = ParamsSchema.safeParse(await params);
  if (!input.success) return new Response(null, { status: 404 });
  const { blog, post, id } = input.data;
  const target = (await resolveCommentLink(id, await getViewer())) ?? `/${blog}/${post}#discussion`;
  // Where a comment is moves as the discussion grows, and depends on who asks: never cached.
  return new Response(null, { status: 302, headers: { Location: target, "Cache-Control": "private, no-store" } });
}
