import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { MAX_MENTIONS, pickMentions, type MentionCandidate, type MentionPerson, type ResolvedMentions } from "./match";

/** Where the comment is written: the thread whose people win when several share a name. */
export type MentionContext = { postId: string; blogId: string; postAuthorId: string };

const personSelect = { id: true, handle: true, name: true, handleKey: true, nameKey: true } as const;

/**
 * resolveMentions: the people the candidates name, in two queries whatever their number: the
 * thread's people (article author, commenters, blog members) matching any reading or first
 * word, and everyone else by exact handle or name key. More than MAX_MENTIONS distinct people:
 * INVALID_INPUT validation.tooManyMentions.
 */
export async function resolveMentions(
  candidates: readonly MentionCandidate[],
  context: MentionContext,
): Promise<ResolvedMentions> {
  if (!candidates.length) return { byKey: new Map(), users: [], ambiguous: new Set() };
  const keys = [...new Set(candidates.flatMap((candidate) => candidate.phrases))];
  const words = keys.filter((key) => !key.includes(" "));
  const exact = [{ nameKey: { in: keys } }, ...(words.length ? [{ handleKey: { in: words } }] : [])];
  const [thread, others] = await Promise.all([
    db.user.findMany({
      where: {
        deletedAt: null,
        OR: [
          { id: context.postAuthorId },
          { comments: { some: { postId: context.postId } } },
          { memberships: { some: { blogId: context.blogId } } },
        ],
        AND: [{ OR: [...exact, ...words.map((word) => ({ nameKey: { startsWith: `${word} ` } }))] }],
      },
      select: personSelect,
    }),
    db.user.findMany({ where: { deletedAt: null, OR: exact }, select: personSelect }),
  ]);
  const people = new Map<string, MentionPerson>();
  for (const user of thread) people.set(user.id, { ...user, rank: user.id === context.postAuthorId ? 0 : 1 });
  for (const user of others) if (!people.has(user.id)) people.set(user.id, { ...user, rank: 2 });
  const resolved = pickMentions(candidates, [...people.values()]);
  if (resolved.users.length > MAX_MENTIONS) throw new AppError("INVALID_INPUT", "validation.tooManyMentions");
  return resolved;
}
