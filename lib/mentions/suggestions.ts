import "server-only";
import { canSuggestMentions, type Participant } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publicPostWhere } from "@/lib/posts/public";
import { mentionKey } from "./scan";

/**
 * A line of the @ autocomplete. `mention` is what to write after the "@" to name this person:
 * their name when no one else could be meant by it, else their handle (names are not unique).
 */
export type MentionSuggestion = { id: string; handle: string; name: string; image: string | null; mention: string };

const LIMIT = 8;
const select = { id: true, handle: true, name: true, image: true, nameKey: true, handleKey: true } as const;

function matching(key: string) {
  if (!key) return {};
  return {
    OR: [{ handleKey: { startsWith: key } }, { nameKey: { startsWith: key } }, { nameKey: { contains: ` ${key}` } }],
  };
}

/**
 * mentionSuggestions: up to 8 people for "@<query>" under a public article, for a signed-in
 * viewer not sanctioned on its blog (UNAUTHENTICATED, FORBIDDEN errors.sanctioned), never the viewer: the thread's people first (the article's author, then its
 * commenters, then the blog's members), then, once something is typed, anyone else; handle,
 * name or a word of the name starting with the query, case and accents ignored. An article
 * that is not public (draft, scheduled, deleted, unknown) is NOT_FOUND.
 */
export async function mentionSuggestions(
  viewer: Participant,
  postId: string,
  query: string,
): Promise<MentionSuggestion[]> {
  if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
  const post = await db.post.findFirst({
    where: { id: postId, ...publicPostWhere() },
    select: { authorId: true, blogId: true },
  });
  if (!post) throw new AppError("NOT_FOUND", "errors.notFound");
  if (!canSuggestMentions(viewer, post.blogId)) throw new AppError("FORBIDDEN", "errors.sanctioned");
  const key = mentionKey(query.replace(/^@/, "")).slice(0, 60);
  const base = { deletedAt: null, id: { not: viewer.id }, ...matching(key) };
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
    // Nothing typed yet: only the thread's people, never a listing of the instance.
    key ? db.user.findMany({ where: base, select, orderBy: order, take: LIMIT * 3 }) : Promise.resolve([]),
  ]);
  const author = commenters.filter((user) => user.id === post.authorId);
  const seen = new Set<string>();
  const people: (typeof others)[number][] = [];
  for (const user of [...author, ...commenters, ...members, ...others]) {
    if (seen.has(user.id)) continue;
    seen.add(user.id);
    people.push(user);
  }
  const list = people.slice(0, LIMIT);
  const taken = await namesNotUnique(list);
  return list.map(({ id, handle, name, image, nameKey }) => ({
    id,
    handle,
    name,
    image,
    mention: taken.has(nameKey) ? handle : name,
  }));
}

// The name keys of `people` that would not name them alone: another person bears the same
// name, or (a one-word name) it is someone else's handle. One query.
async function namesNotUnique(people: { id: string; nameKey: string }[]): Promise<Set<string>> {
  const keys = [...new Set(people.map((person) => person.nameKey))];
  if (!keys.length) return new Set();
  const words = keys.filter((key) => !key.includes(" "));
  const owners = new Map(people.map((person) => [person.nameKey, person.id]));
  const clashes = await db.user.findMany({
    where: {
      deletedAt: null,
      OR: [{ nameKey: { in: keys } }, ...(words.length ? [{ handleKey: { in: words } }] : [])],
    },
    select: { id: true, nameKey: true, handleKey: true },
  });
  const taken = new Set<string>();
  for (const key of keys) {
    const bearers = clashes.filter((user) => user.nameKey === key);
    const handleOwner = clashes.find((user) => user.handleKey === key);
    if (bearers.length > 1 || (handleOwner && handleOwner.id !== owners.get(key))) taken.add(key);
  }
  return taken;
}
