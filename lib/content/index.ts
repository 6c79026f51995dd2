/** loadContent: reads and validates content/ (throws ContentError naming each file and field). */
export { loadContent, ContentError, type ContentBundle } from "./load";
/** syncContent: writes a bundle idempotently in one transaction and reports what changed. */
export { syncContent, type SyncReport } from "./sync";
