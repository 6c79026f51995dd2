// lib/moderation: what a comment's content triggers (rules), the queue, thread tools, reports,
// sanctions and the append-only audit log (issue 11). Who may do each lives in lib/auth/policy.
export { recordAudit, AUDIT_SUBJECTS, type AuditInput, type AuditSubject } from "./audit";
