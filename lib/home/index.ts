import "server-only";
import { db } from "@/lib/db";
import { publicPostWhere } from "@/lib/posts/public";

export type ActiveDiscussion = {
  post: { slug: string; title: string; blog: { slug: string; name: string; accentColor: string | null } };
  commentCount: number;
  lastCommentAt: Date;
  lastComment: { id: string; authorName: string | null; guestName: string | null; bodyHtml: string };
};

/**
 * listActiveDiscussions: "what is being discussed now": public articles by their latest
 * approved comment, with that comment. Three queries whatever the sizes.
 */
export async function listActiveDiscussions(limit = 5): Promise<ActiveDiscussion[]> {
  const where = { status: "approved", post: publicPostWhere() };
  const groups = await db.comment.groupBy({
    by: ["postId"],
    where,
    _max: { createdAt: true },
    _count: { _all: true },
    orderBy: { _max: { createdAt: "desc" } },
    take: limit,
  });
  if (!groups.length) return [];
  const ids = groups.map((group) => group.postId);
  const [posts, latest] = await Promise.all([
    db.post.findMany({
      where: { id: { in: ids } },
      select: { id: true, slug: true, title: true, blog: { select: { slug: true, name: true, accentColor: true } } },
    }),
    db.comment.findMany({
      where: { ...where, postId: { in: ids }, createdAt: { in: groups.map((g) => g._max.createdAt!) } },
      select: { id: true, postId: true, bodyHtml: true, guestName: true, author: { select: { name: true } } },
    }),
  ]);
  return groups.flatMap((group) => {
    const post = posts.find((p) => p.id === group.postId);
    const comment = latest.find((c) => c.postId === group.postId);
    if (!post || !comment) return [];
    const { id: _id, ...postData } = post;
    return [
      {
        post: postData,
        commentCount: group._count._all,
        lastCommentAt: group._max.createdAt!,
        lastComment: {
          id: comment.id,
          authorName: comment.author?.name ?? null,
          guestName: comment.guestName,
          bodyHtml: comment.bodyHtml,
        },
      },
    ];
  });
}
