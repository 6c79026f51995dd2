/** A person a mention can point at. */
export type MentionUser = { id: string; handle: string; name: string };
/** A person found for the candidates; rank 0 is the article's author, 1 the rest of the thread, 2 anyone else. */
export type MentionPerson = MentionUser & { handleKey: string; nameKey: string; rank: number };
/** The text after one "@": its readings as folded keys, longest first. */
export type MentionCandidate = { phrases: string[] };
/**
 * byKey: the person each resolved reading points at; users: the distinct people mentioned, in
 * order; ambiguous: readings that name several people equally (they and every shorter reading
 * of the same "@" stay plain text).
 */
export type ResolvedMentions = { byKey: Map<string, MentionUser>; users: MentionUser[]; ambiguous: Set<string> };

/** Most distinct people one comment may mention; more is refused (validation.tooManyMentions). */
export const MAX_MENTIONS = 10;
/** Most distinct "@…" one comment may hold at all, known or not: bounds the lookup's size. */
export const MAX_MENTION_CANDIDATES = 50;

const plain = ({ id, handle, name }: MentionPerson): MentionUser => ({ id, handle, name });

/** pickPerson's answer when a reading names several people equally: never guessed. */
const AMBIGUOUS = "ambiguous" as const;

// The thread's people (author, commenters, members: rank 0 or 1) come before everyone else;
// within a tier nobody is preferred, so two of a tier with one name are a tie.
const tier = (person: MentionPerson) => (person.rank < 2 ? 0 : 1);

function onlyOne(matches: MentionPerson[]): MentionPerson | typeof AMBIGUOUS | undefined {
  if (!matches.length) return undefined;
  const best = Math.min(...matches.map(tier));
  const top = matches.filter((person) => tier(person) === best);
  return top.length === 1 ? top[0] : AMBIGUOUS;
}

/**
 * pickPerson: who one reading names. A handle names its owner (handles are unique); a full
 * display name names the one person of the thread who bears it, else the one person anywhere
 * who does; a single word also names the one person of the thread whose name starts with it
 * ("@Sylvain"). Several people at the first tier that has any: AMBIGUOUS (a tie is never
 * resolved silently: someone renamed to another's name must not receive their mentions).
 */
function pickPerson(key: string, people: readonly MentionPerson[]): MentionPerson | typeof AMBIGUOUS | undefined {
  const isWord = !key.includes(" ");
  if (isWord) {
    const owner = people.find((person) => person.handleKey === key);
    if (owner) return owner;
  }
  const named = onlyOne(people.filter((person) => person.nameKey === key));
  if (named || !isWord) return named;
  return onlyOne(people.filter((person) => person.rank < 2 && person.nameKey.split(" ")[0] === key));
}

/**
 * pickMentions: resolves each candidate to its longest reading that names someone; unknown
 * names stay text, and so does a candidate whose longest naming reading is ambiguous.
 */
export function pickMentions(
  candidates: readonly MentionCandidate[],
  people: readonly MentionPerson[],
): ResolvedMentions {
  const byKey = new Map<string, MentionUser>();
  const ambiguous = new Set<string>();
  const users = new Map<string, MentionUser>();
  for (const { phrases } of candidates) {
    for (const key of phrases) {
      if (ambiguous.has(key)) break;
      const cached = byKey.get(key);
      const person = cached ?? (byKey.has(key) ? undefined : pickPerson(key, people));
      if (person === AMBIGUOUS) {
        ambiguous.add(key);
        break;
      }
      if (!person) continue;
      const user = cached ?? plain(person as MentionPerson);
      byKey.set(key, user);
      if (!users.has(user.id)) users.set(user.id, user);
      break;
    }
  }
  return { byKey, users: [...users.values()], ambiguous };
}
