import { z } from "zod";
import type { SpamVerdict } from "./akismet";
import { compileWordList } from "./words";

// What a new comment's content triggers on its blog (issue 11, item 5): a pure function of the
// blog's rules and of facts the caller gathered (lib/moderation/screen.ts gathers them in the
// order below, so that a comment refused early never costs a query or a network call).
//
// Order: honeypot → reject words → spam check → hold rules (first comment, links, hold words).
// - The honeypot and the reject list apply to everyone: the list is the blog owners' explicit
//   rule, and a filled honeypot is never a person.
// - The blog's staff (owners, moderators) and instance admins are exempt from the spam check and
//   from the hold rules, as Discourse exempts staff: they are the ones who would approve them.
// Every hold rule that matches is recorded (heldBy), not just the first, so a moderator sees
// all the reasons at once.

/** The rules a comment can trip; "honeypot" marks a comment the bots' trap caught (spam). */
const RULE_NAMES = ["honeypot", "spam_check", "first_comment", "links", "words"] as const;
type RuleName = (typeof RULE_NAMES)[number];

/** RuleHit: one rule that held (or flagged) a comment, with a detail for moderators only. */
export type RuleHit = { rule: RuleName; detail: string };

type Verdict = "publish" | "hold" | "reject" | "spam";

export type Evaluation = {
  verdict: Verdict;
  /** Why it was held or flagged (empty when published or rejected). */
  heldBy: RuleHit[];
  /** For "reject": the entry of the reject list found (never shown to the author). */
  rejectedBy?: string;
};

/** The rule settings evaluateComment reads (the Blog columns of the same names). */
type CommentRules = {
  holdUntilApproved: boolean;
  holdLinkLimit: number | null;
  holdWords: string;
  rejectWords: string;
};

export type EvaluationInput = {
  rules: CommentRules;
  /** What the author wrote: the markdown body and, for a guest, their name. */
  text: string;
  /** Distinct links of the rendered body (inline, reference and bare URLs; mentions excepted). */
  linkCount: number;
  /** Owner or moderator of the blog, or instance admin. */
  isStaff: boolean;
  /** The honeypot field came back filled. */
  honeypot: boolean;
  /** The spam service's answer; "skipped" when it was not asked (off, staff, or not yet). */
  spam: SpamVerdict | "skipped";
  /** No comment of this person (account, or guest e-mail) has been approved on this blog yet. */
  firstComment: boolean;
};

/** evaluateComment: the verdict on one new comment (pure; see the order above). */
export function evaluateComment(input: EvaluationInput): Evaluation {
  if (input.honeypot) return { verdict: "spam", heldBy: [{ rule: "honeypot", detail: "filled" }] };
  const rejected = compileWordList(input.rules.rejectWords).find(input.text);
  if (rejected !== null) return { verdict: "reject", heldBy: [], rejectedBy: rejected };
  if (input.spam === "spam") return { verdict: "spam", heldBy: [{ rule: "spam_check", detail: "spam" }] };
  if (input.isStaff) return { verdict: "publish", heldBy: [] };
  const heldBy: RuleHit[] = [];
  if (input.spam === "unavailable") heldBy.push({ rule: "spam_check", detail: "unavailable" });
  if (input.rules.holdUntilApproved && input.firstComment) heldBy.push({ rule: "first_comment", detail: "" });
  const limit = input.rules.holdLinkLimit;
  if (limit !== null && input.linkCount > limit)
    heldBy.push({ rule: "links", detail: `${input.linkCount} > ${limit}` });
  const word = compileWordList(input.rules.holdWords).find(input.text);
  if (word !== null) heldBy.push({ rule: "words", detail: word });
  return { verdict: heldBy.length ? "hold" : "publish", heldBy };
}

const HeldBySchema = z.array(z.object({ rule: z.enum(RULE_NAMES), detail: z.string() }));

/** serializeHeldBy: the value of Comment.heldBy (null when no rule matched). */
export function serializeHeldBy(hits: readonly RuleHit[]): string | null {
  return hits.length ? JSON.stringify(hits) : null;
}

/** parseHeldBy: Comment.heldBy read back (moderators only); anything unreadable is an empty list. */
export function parseHeldBy(stored: string | null | undefined): RuleHit[] {
  if (!stored) return [];
  try {
    const parsed = HeldBySchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
