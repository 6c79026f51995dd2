import "server-only";
import { env } from "./env.js";
import { startJobRunner, type JobHandlers } from "./jobs";
import { renderJobs } from "./blogs/render-job";
import { webmentionJobs } from "./links/webmention";

/** Every durable job kind the app runs, by domain. */
export const JOB_HANDLERS: JobHandlers = { ...webmentionJobs, ...renderJobs };

const holder = globalThis as unknown as { tribuneBackground?: () => void };

/**
 * startBackgroundWork: the job runner of this app instance (once per process; JOBS_POLL_MS=0
 * turns it off, e.g. for an instance that only serves pages while others do the work).
 */
export function startBackgroundWork(): void {
  if (holder.tribuneBackground || env.JOBS_POLL_MS === 0) return;
  holder.tribuneBackground = startJobRunner(JOB_HANDLERS, env.JOBS_POLL_MS);
}
