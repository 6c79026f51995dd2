/** exportFor: a blog's export (its owners, admins) or the instance's (admins), checked by the policy, as JSON chunks. */
export { exportFor, resolveScope } from "./service";
/** exportToFile: the command line's export, in one read snapshot, renamed into place when complete. */
export { exportToFile } from "./file";
/** exportChunks: the export of a scope as JSON text, streamed in batches (bounded memory). */
export { exportChunks } from "./write";
/** importExport / ImportRefusal: loads an export into an empty instance, all or nothing. */
export { importExport, ImportRefusal } from "./read";
/** exportBlogMarkdown: one blog as a content/ folder (blog.md and one markdown file per article). */
export { exportBlogMarkdown } from "./markdown";
/** SECTION_ORDER: the sections of the versioned format, in order (docs/export-format.md). */
export { SECTION_ORDER } from "./schema";
export type { Scope } from "./sections";
/** exportResponse: an export as a streamed JSON download (route handlers). */
export { exportResponse } from "./http";
