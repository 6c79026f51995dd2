// Webmention (W3C Recommendation), received: the endpoint's validation and queue, the durable
// verification job, and what a source says (microformats2).
import { VERIFY_JOB } from "./receive";
import { SEND_JOB, sendWebmentionJob } from "./send";
import { verifyWebmentionJob } from "./verify";

export { WEBMENTION_ENDPOINT, WEBMENTION_LINK_HEADER } from "./endpoint";
export {
  receiveWebmention,
  webmentionStatus,
  webmentionStatusUrl,
  WebmentionRequestSchema,
  VERIFY_JOB,
} from "./receive";
export { verifyWebmention } from "./verify";
export {
  queuePostWebmentions,
  queueCommentWebmentions,
  sendWebmention,
  listSentWebmentions,
  type SentWebmention,
  isExternal,
  SEND_JOB,
} from "./send";
export { discoverEndpoint, endpointFromHtml, endpointFromLinkHeader } from "./discover";
export { readSource, linkedUrls, sameUrl, type SourceReading } from "./source";
export { resolveTargetPost, type TargetPost } from "./target";

/** The jobs of this domain, for the runner (lib/background.ts). */
export const webmentionJobs = { [VERIFY_JOB]: verifyWebmentionJob, [SEND_JOB]: sendWebmentionJob };
