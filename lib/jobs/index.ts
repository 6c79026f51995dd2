// lib/jobs: the durable job queue in the database (enqueue inside a transaction; run by every
// app instance's runner, each job by one of them, with retries and backoff).
export { enqueueJob } from "./queue";
export {
  defineJob,
  runDueJobs,
  startJobRunner,
  backoffMs,
  PermanentJobError,
  STALE_LOCK_MS,
  type JobHandlers,
} from "./runner";
