// lib/moderation: what a comment's content triggers (rules), the queue, thread tools, reports,
// sanctions and the append-only audit log (issue 11). Who may do each lives in lib/auth/policy.
export { recordAudit, AUDIT_SUBJECTS, type AuditInput, type AuditSubject } from "./audit";
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
