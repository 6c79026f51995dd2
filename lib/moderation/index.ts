// lib/moderation: what a comment's content triggers (rules), the queue, thread tools, reports,
// sanctions and the append-only audit log (issue 11). Who may do each lives in lib/auth/policy.
export { recordAudit, AUDIT_SUBJECTS, type AuditInput, type AuditSubject } from "./audit";
/** listQueue / countWaiting / queueBlog: the moderation queue of a blog or of the instance, and the header's badge. */
export {
  listQueue,
  countWaiting,
  queueBlog,
  encodeCursor,
  QueueQuerySchema,
  QUEUE_TABS,
  QUEUE_PAGE_SIZE,
  type QueueTab,
  type QueueItem,
  type QueuePage,
  type QueueQuery,
  type QueueScope,
  type AuthorRecord,
  type QueueReport,
  type WaitingCount,
} from "./queue";
/** noticeHeldComment: a held comment's notices to its blog's owners and moderators (after commit). */
export { noticeHeldComment } from "./held-notice";
/** The queue's form (item and bulk decisions) and its addresses. */
export {
  QueueDecisionFormSchema,
  queueFormInput,
  withParams,
  QUEUE_ACTIONS,
  type QueueAction,
  type QueueDecisionForm,
} from "./queue-form";
/** readQueueSearch: a queue page's query string (query and the last decision's notice). */
export { readQueueSearch } from "./queue-page";
/** API shapes of the queue endpoints (GET /moderation/queue, POST /moderation/decisions). */
export { ApiQueueSchema, ApiDecisionSchema, ApiDecisionResultSchema, toApiQueue } from "./api-queue";
/** Thread tools: lock / unlock, pin / unpin, slow mode; each checks the policy and writes its audit entry. */
export {
  setThreadLock,
  lockThread,
  unlockThread,
  pinComment,
  unpinComment,
  setSlowMode,
  SlowModeSchema,
  PinSchema,
  SLOW_MODE_CHOICES,
  type SlowModeInput,
} from "./thread";
/** Reports: reportComment (threshold hides pending review), the open reports of an article for its moderators. */
export {
  reportComment,
  listOpenReports,
  reportedByViewer,
  ReportSchema,
  REPORT_REASONS,
  type ReportReason,
  type ReportInput,
  type OpenReport,
} from "./reports";
/** registerThreadToolPaths: the thread tools and reports in the OpenAPI document. */
export { registerThreadToolPaths } from "./openapi-thread";
/** Sanctions: warn, suspend, ban (a blog, or the instance for admins), lift; each checked, audited and told to the person. */
export {
  sanctionPerson,
  warn,
  suspend,
  ban,
  liftSanction,
  listSanctionsOn,
  listVisibleSanctions,
  isInForce,
  type SanctionView,
  type SanctionNotice,
} from "./sanctions";
export {
  SANCTION_KINDS,
  SUSPENSION_PRESETS,
  SanctionInputSchema,
  SanctionReasonSchema,
  DurationSchema,
  LiftInputSchema,
  ApiSanctionBodySchema,
  ApiLiftBodySchema,
  type SanctionKind,
  type SanctionInput,
} from "./sanction-schemas";
/** getPersonRecord / moderatorPanel: a person's record on a blog for its staff; the staff panel of a profile. */
export { getPersonRecord, getInstancePersonRecord, moderatorPanel, type PersonRecord } from "./people";
/** The audit log read side: pages, filters, the CSV export. */
export {
  listAudit,
  exportAuditCsv,
  csvResponse,
  AuditFiltersSchema,
  AUDIT_PAGE_SIZE,
  AUDIT_EXPORT_LIMIT,
  AUDIT_CSV_COLUMNS,
  type AuditFilters,
  type AuditLogEntry,
  type AuditScope,
} from "./audit-log";
export { describeChange, parseJsonObject, csvCell, csvRow, type AuditChange } from "./audit-format";
export { auditQueryOf } from "./audit-query";
/** The /api/v1 side of sanctions and the log (handles and slugs resolved, JSON shapes). */
export { sanctionFromApi, apiSanction, auditFromApi } from "./sanctions-api";
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
  COMMENTS_PER_PAGE_MAX,
  COMMENTS_PER_PAGE_MIN,
  LINK_LIMIT_MAX,
  REPORT_THRESHOLD_MAX,
  REPORT_THRESHOLD_MIN,
  type BlogRules,
  type BlogRulesPatch,
  type BlogRulesFormInput,
} from "./rule-schemas";
