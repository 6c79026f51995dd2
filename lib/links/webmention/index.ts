// Webmention (W3C Recommendation), received: the endpoint's validation and queue, the durable
// verification job, and what a source says (microformats2).
import { VERIFY_JOB } from "./receive";
import { SEND_JOB, sendWebmentionJob } from "./send";
import { verifyWebmentionJob } from "./verify";

export { WEBMENTION_ENDPOINT } from "./endpoint";
export { receiveWebmention, webmentionStatus } from "./receive";
export { queuePostWebmentions, queueCommentWebmentions, listSentWebmentions, type SentWebmention } from "./send";
export { discoverEndpoint } from "./discover";
/** The jobs of this domain, for the runner (lib/background.ts). */
export const webmentionJobs = { [VERIFY_JOB]: verifyWebmentionJob, [SEND_JOB]: sendWebmentionJob };
