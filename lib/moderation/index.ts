// lib/moderation: what a comment's content triggers (rules), the queue, thread tools, reports,
// sanctions and the append-only audit log (issue 11). Who may do each lives in lib/auth/policy.
export { recordAudit, restoreAuditEntries } from "./audit";
/** listQueue / countWaiting / queueBlog: the moderation queue of a blog or of the instance, and the header's badge. */
export {
  listQueue,
  countWaiting,
  queueBlog,
  QueueQuerySchema,
  QUEUE_TABS,
  type QueueTab,
  type QueueItem,
  type QueuePage,
} from "./queue";
/** noticeHeldComment: a held comment's notices to its blog's owners and moderators (after commit). */
export { noticeHeldComment } from "./held-notice";
/** The queue's form (item and bulk decisions) and its addresses. */
export { QueueDecisionFormSchema, queueFormInput, withParams } from "./queue-form";
/** readQueueSearch: a queue page's query string (query and the last decision's notice). */
export { readQueueSearch } from "./queue-page";
/** API shapes of the queue endpoints (GET /moderation/queue, POST /moderation/decisions). */
export { ApiDecisionSchema, toApiQueue } from "./api-queue";
/** Thread tools: lock / unlock, pin / unpin, slow mode; each checks the policy and writes its audit entry. */
export { setThreadLock, pinComment, setSlowMode, SlowModeSchema, PinSchema, SLOW_MODE_CHOICES } from "./thread";
/** Reports: reportComment (threshold hides pending review), the open reports of an article for its moderators. */
export {
  reportComment,
  listOpenReports,
  reportedByViewer,
  ReportSchema,
  REPORT_REASONS,
  type ReportReason,
  type OpenReport,
} from "./reports";
/** Sanctions: warn, suspend, ban (a blog, or the instance for admins), lift; each checked, audited and told to the person. */
export {
  sanctionPerson,
  liftSanction,
  listVisibleSanctions,
  type SanctionView,
  type SanctionNotice,
} from "./sanctions";
export { SANCTION_KINDS, SUSPENSION_PRESETS, ApiLiftBodySchema } from "./sanction-schemas";
/** getPersonRecord / moderatorPanel: a person's record on a blog for its staff; the staff panel of a profile. */
export { getPersonRecord, getInstancePersonRecord, moderatorPanel } from "./people";
/** The audit log read side: pages, filters, the CSV export. */
export { listAudit, exportAuditCsv, csvResponse, type AuditLogEntry } from "./audit-log";
export { describeChange } from "./audit-format";
export { auditQueryOf } from "./audit-query";
/** The /api/v1 side of sanctions and the log (handles and slugs resolved, JSON shapes). */
export { sanctionFromApi, apiSanction, auditFromApi } from "./sanctions-api";
/** evaluateComment: the verdict (publish, hold, reject, spam) and the rules that held a new comment; pure. */
export { evaluateComment, parseHeldBy, serializeHeldBy, type EvaluationInput } from "./rules";
/** screenComment: a blog's rules applied to a new comment before its transaction (spam check included). */
export { screenComment } from "./screen";
/** checkSpam: the Akismet-compatible check through the guarded HTTP client (AKISMET_KEY, AKISMET_URL). */
export { checkSpam, spamCheckConfigured } from "./akismet";
/** Word lists matched without regard to case or accents, on word boundaries, in linear time. */
export { compileWordList, foldText, tokenize, WORD_LIST_MAX_CHARS, WORD_LIST_MAX_ENTRIES } from "./words";
/** The discussion rules as the settings form and the API give them. */
export {
  BlogRulesFormSchema,
  BlogRulesPatchSchema,
  RuleFormFields,
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
