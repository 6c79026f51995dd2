/** loadContent: reads and validates content/ (throws ContentError naming each file and field). */
export { loadContent, ContentError,  } from "./load";
/** syncContent: writes a bundle idempotently in one transaction and reports what changed. */
export { syncContent,  } from "./sync";
