/** importWxr: a WordPress export (WXR 1.1/1.2) into a blog, streamed, idempotent, all-or-nothing for readers. */
export { importWxr } from "./wxr/import";
/** importDisqus: a Disqus export's comments onto the blog's articles (threads matched by old or new address). */
export { importDisqus } from "./disqus/import";
/** legacyRedirect: the new address of an old path of an imported article, or null (one indexed query). */
export { legacyRedirect } from "./redirect";
/** ImportReport / ImportProgress: what a run did, and how far it is. */
export type { ImportReport } from "./run";
export type { ImportProgress } from "./finish";
/** WxrError: the file is not a readable WordPress export (cut short, not XML). */
export { WxrError } from "./wxr/parse";
/** assertCanImport: the blog, when the person may import into it (owners, admins). */
export { assertCanImport } from "./blog";
/** saveUploadedExport / MAX_UPLOAD_BYTES: an uploaded export streamed to a temporary file (≤ 50 MB). */
export { saveUploadedExport, MAX_UPLOAD_BYTES } from "./upload";
