/** parseMentionCandidates: the "@…" of a markdown source, from its syntax tree, readings longest first. */
export { parseMentionCandidates } from "./parse";
/** resolveMentions: candidates → people, thread first, longest match first, ties left as text, two queries, capped at MAX_MENTIONS. */
export { resolveMentions } from "./resolve";
/** pickMentions / pickPerson: the pure matching rules behind resolveMentions. */
export { pickMentions, type MentionUser, type MentionPerson } from "./match";
/** mentionSuggestions: the @ autocomplete, thread's people first, at most 8. */
export { mentionSuggestions } from "./suggestions";
