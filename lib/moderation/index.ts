// lib/moderation: what a comment's content triggers (rules), the queue, thread tools, reports,
// sanctions and the append-only audit log (issue 11). Who may do each lives in lib/auth/policy.
export { recordAudit, AUDIT_SUBJECTS, type AuditInput, type AuditSubject } from "./audit";
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
