import { threadHtml } from "@/components/comments/thread-html";
import { listThread } from "@/lib/comments";
import { threadFragmentUrl, ThreadQuerySchema } from "@/lib/page-cache/policy";
import { publicPostId } from "@/lib/posts/public-id";

export const dynamic = "force-dynamic";

const SLUG = /^[a-z0-9-]{1,200}$/;

/**
 * GET /<blog>/<post>/thread?page=&sort=&locale=: one page of the article's discussion as every
 * reader who does not moderate the blog sees it, an HTML fragment (components/comments/thread-html).
 * It never reads the session, so the page cache keeps it for everyone (lib/page-cache/policy:
 * threadRequest); scripts/serve.ts puts it into the article's page, and the browser asks for it
 * after a client-side navigation, a refresh or "Show more comments".
 */
export async function GET(request: Request, { params }: { params: Promise<{ blog: string; post: string }> }) {
  const { blog, post } = await params;
  const query = ThreadQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return new Response("Bad request: page, sort and locale are required.\n", { status: 400 });
  const postId = SLUG.test(blog) && SLUG.test(post) ? await publicPostId(blog, post) : null;
  if (!postId) return new Response("Not found.\n", { status: 404 });
  const { page, sort, locale } = query.data;
  const thread = await listThread(postId, null, { sort, page });
  // A page past the last leads to the last (the page cache keeps 200s only: a made-up number is
  // never an entry of its own).
  if (thread.page.number !== page)
    return new Response(null, {
      status: 307,
      headers: { location: threadFragmentUrl(`/${blog}/${post}`, { page: thread.page.number, sort, locale }) },
    });
  const html = threadHtml({ tree: thread.tree, page: thread.page, basePath: `/${blog}/${post}`, sort, locale });
  return new Response(html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-cache",
      "x-robots-tag": "noindex",
      // The number of comments readers count: the page's heading follows it after a refresh.
      "x-tribune-comments": String(thread.count),
    },
  });
}
