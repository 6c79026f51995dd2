// lib/jobs: the durable job queue in the database (enqueue inside a transaction; run by every
// app instance's runner, each job by one of them, with retries and backoff).
export { enqueueJob, JobKindSchema } from "./queue";
export {
  defineJob,
  runDueJobs,
  startJobRunner,
  purgeFinishedJobs,
  backoffMs,
  PermanentJobError,
  STALE_LOCK_MS,
  type JobHandler,
  type JobHandlers,
  type RunSummary,
} from "./runner";
