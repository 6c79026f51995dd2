/** A person a mention can point at. */
export type MentionUser = { id: string; handle: string; name: string };
/** A person found for the candidates; rank 0 is the article's author, 1 the rest of the thread, 2 anyone else. */
export type MentionPerson = MentionUser & { handleKey: string; nameKey: string; rank: number };
/** The text after one "@": its readings as folded keys, longest first. */
export type MentionCandidate = { phrases: string[] };
/** byKey: the person each resolved reading points at; users: the distinct people mentioned, in order. */
export type ResolvedMentions = { byKey: Map<string, MentionUser>; users: MentionUser[] };

/** Most distinct people one comment may mention; more is refused (validation.tooManyMentions). */
export const MAX_MENTIONS = 10;
/** Most distinct "@…" one comment may hold at all, known or not: bounds the lookup's size. */
export const MAX_MENTION_CANDIDATES = 50;

const plain = ({ id, handle, name }: MentionPerson): MentionUser => ({ id, handle, name });

function bestOf(matches: MentionPerson[], allowAmbiguousThread: boolean): MentionPerson | undefined {
  if (!matches.length) return undefined;
  const best = Math.min(...matches.map((person) => person.rank));
  const top = matches.filter((person) => person.rank === best);
  // Two strangers with one name: naming either would notify the wrong person half the time.
  if (top.length > 1 && !(allowAmbiguousThread && best < 2)) return undefined;
  return top[0];
}

/**
 * pickPerson: who one reading names. A handle names its owner; a full display name names the
 * person of the thread who bears it (author first), else the only other person who does; a
 * single word also names the one person of the thread whose name starts with it ("@Sylvain").
 */
export function pickPerson(key: string, people: readonly MentionPerson[]): MentionPerson | undefined {
  const isWord = !key.includes(" ");
  if (isWord) {
    const owner = people.find((person) => person.handleKey === key);
    if (owner) return owner;
  }
  const named = bestOf(
    people.filter((person) => person.nameKey === key),
    true,
  );
  if (named || !isWord) return named;
  return bestOf(
    people.filter((person) => person.rank < 2 && person.nameKey.split(" ")[0] === key),
    false,
  );
}

/** pickMentions: resolves each candidate to its longest reading that names someone; unknown names stay text. */
export function pickMentions(
  candidates: readonly MentionCandidate[],
  people: readonly MentionPerson[],
): ResolvedMentions {
  const byKey = new Map<string, MentionUser>();
  const users = new Map<string, MentionUser>();
  for (const { phrases } of candidates) {
    for (const key of phrases) {
      const cached = byKey.get(key);
      const person = cached ?? (byKey.has(key) ? undefined : pickPerson(key, people));
      if (!person) continue;
      const user = cached ?? plain(person as MentionPerson);
      byKey.set(key, user);
      if (!users.has(user.id)) users.set(user.id, user);
      break;
    }
  }
  return { byKey, users: [...users.values()] };
}
