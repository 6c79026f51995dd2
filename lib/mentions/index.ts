/** remarkMentions: remark plugin turning resolved @mentions into profile links (text only, never code or links). */
export { remarkMentions } from "./remark-mentions";
/** parseMentionCandidates: the "@…" of a markdown source, from its syntax tree, readings longest first. */
export { parseMentionCandidates } from "./parse";
/** resolveMentions: candidates → people, thread first, longest match first, ties left as text, two queries, capped at MAX_MENTIONS. */
export { resolveMentions, type MentionContext } from "./resolve";
/** pickMentions / pickPerson: the pure matching rules behind resolveMentions. */
export { pickMentions, pickPerson, AMBIGUOUS, MAX_MENTIONS, MAX_MENTION_CANDIDATES } from "./match";
export type { MentionCandidate, MentionPerson, MentionUser, ResolvedMentions } from "./match";
/** mentionSuggestions: the @ autocomplete, thread's people first, at most 8. */
export { mentionSuggestions, type MentionSuggestion } from "./suggestions";
/** stripInvisible / mentionKey: zero-width and bidi controls removed; the folded comparison key. */
export { stripInvisible, mentionKey } from "./scan";
