// lib/moderation: what a comment's content triggers (rules), the queue, thread tools, reports,
// sanctions and the append-only audit log (issue 11). Who may do each lives in lib/auth/policy.
export { recordAudit, AUDIT_SUBJECTS, type AuditInput, type AuditSubject } from "./audit";
/** evaluateComment: the verdict (publish, hold, reject, spam) and the rules that held a new comment; pure. */
export {
  evaluateComment,
  parseHeldBy,
  serializeHeldBy,
  RULE_NAMES,
  type CommentRules,
  type Evaluation,
  type EvaluationInput,
  type RuleHit,
  type RuleName,
  type Verdict,
} from "./rules";
/** screenComment: a blog's rules applied to a new comment before its transaction (spam check included). */
export { screenComment, type ScreenInput } from "./screen";
/** checkSpam: the Akismet-compatible check through the guarded HTTP client (AKISMET_KEY, AKISMET_URL). */
export {
  checkSpam,
  spamCheckConfigured,
  SPAM_CHECK_TIMEOUT_MS,
  type SpamVerdict,
  type SpamCheckInput,
} from "./akismet";
/** Word lists matched without regard to case or accents, on word boundaries, in linear time. */
export {
  compileWordList,
  foldText,
  tokenize,
  parseWordList,
  WORD_LIST_MAX_CHARS,
  WORD_LIST_MAX_ENTRIES,
} from "./words";
/** The discussion rules as the settings form and the API give them. */
export {
  BlogRulesFormSchema,
  BlogRulesPatchSchema,
  RuleFormFields,
  RULE_FIELDS,
  WordListSchema,
  CLOSE_AFTER_DAYS_MAX,
  LINK_LIMIT_MAX,
  REPORT_THRESHOLD_MAX,
  REPORT_THRESHOLD_MIN,
  type BlogRules,
  type BlogRulesPatch,
  type BlogRulesFormInput,
} from "./rule-schemas";
