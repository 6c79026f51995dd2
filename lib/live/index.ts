/** LiveEvent: comment.created / comment.edited / comment.removed with ids only (no bodies); actorId, who acted, never reaches a browser. */
export { type LiveEvent } from "./events";
/** PagesChanged: "these published pages changed" (one article by postId, or all), for page caches. */
export { type PagesChanged } from "./events";
/** publishPagesChanged / subscribePagesChanged: page changes, heard by every instance. */
export { publishPagesChanged, subscribePagesChanged } from "./bus";
/** createLiveBus: a bus in memory or over Redis; liveBus: this process's one (REDIS_URL decides). */
export { createLiveBus, type LiveBus } from "./bus";
/** publishLive / subscribeLive / closeLiveBus: the process bus; publishing never throws. */
export { publishLive, closeLiveBus } from "./bus";
/** liveEventStream: the SSE response for one article, with heartbeat, idle timeout and cleanup on abort. */
export { liveEventStream } from "./sse";
/** openLiveStream: the SSE response for a request, within the per-client and total stream caps (429/503 beyond). */
export { openLiveStream } from "./sse";
/** liveStreamSlots / createStreamSlots: the open-stream counters (per client address and in total). */
export { liveStreamSlots } from "./limits";
