import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { mentionKey } from "./scan";

/** A line of the @ autocomplete. */
export type MentionSuggestion = { id: string; handle: string; name: string; image: string | null };

const LIMIT = 8;
const select = { id: true, handle: true, name: true, image: true } as const;

function matching(key: string) {
  if (!key) return {};
  return {
    OR: [{ handleKey: { startsWith: key } }, { nameKey: { startsWith: key } }, { nameKey: { contains: ` ${key}` } }],
  };
}

/**
 * mentionSuggestions: up to 8 people for "@<query>", the thread's people first (the article's
 * author, then its commenters, then the blog's members), then anyone else; handle, name or a
 * word of the name starting with the query, case and accents ignored. Never the viewer.
 */
export async function mentionSuggestions(
  postId: string,
  query: string,
  viewer: { id: string } | null,
): Promise<MentionSuggestion[]> {
  const post = await db.post.findFirst({
    where: { id: postId, deletedAt: null },
    select: { authorId: true, blogId: true },
  });
  if (!post) throw new AppError("NOT_FOUND", "errors.notFound");
  const key = mentionKey(query.replace(/^@/, "")).slice(0, 60);
  const base = { deletedAt: null, ...(viewer ? { id: { not: viewer.id } } : {}), ...matching(key) };
  const order = [{ name: "asc" as const }, { id: "asc" as const }];
  const [commenters, members, others] = await Promise.all([
    db.user.findMany({
      where: { ...base, AND: [{ OR: [{ id: post.authorId }, { comments: { some: { postId } } }] }] },
      select,
      orderBy: order,
      take: LIMIT + 1,
    }),
    db.user.findMany({
      where: { ...base, memberships: { some: { blogId: post.blogId } } },
      select,
      orderBy: order,
      take: LIMIT,
    }),
    db.user.findMany({ where: base, select, orderBy: order, take: LIMIT * 3 }),
  ]);
  const author = commenters.filter((user) => user.id === post.authorId);
  const seen = new Set<string>();
  const list: MentionSuggestion[] = [];
  for (const user of [...author, ...commenters, ...members, ...others]) {
    if (seen.has(user.id)) continue;
    seen.add(user.id);
    list.push(user);
  }
  return list.slice(0, LIMIT);
}
