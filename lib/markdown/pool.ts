import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { env } from "../env.js";
import { AppError } from "../errors";
import type { MentionCandidate, ResolvedMentions } from "../mentions/match";
import { assertWithinBounds } from "./render";
import { resolveOptions, type RenderKind, type RenderOptions, type Rendered } from "./types";
import type { FromWorker, SerializedError, ToWorker, WorkerSettings } from "./worker";

// Every render the app does goes through here: a few worker threads (MARKDOWN_WORKERS), each
// running one job at a time under a time limit (MARKDOWN_RENDER_TIMEOUT_MS per 50,000 characters,
// so that the longest legitimate article still fits on a slow, busy machine). A job past its limit
// has its worker terminated (and replaced) and is refused as too complex; the main thread, which
// answers every other request, never runs the parser. The time spent waiting for the database
// (mentions) does not count against the limit, nor does the time waiting in the queue. The limit is
// wall-clock time: on a machine whose cores are all busy, an ordinary text can overrun it, so a job
// that runs out of time gets one more try, first in line on a fresh worker with twice the time,
// before it is refused (a hostile text costs a worker three limits, once).

/** What the pool accepts: the options of RenderOptions that cross a thread boundary (no plugins). */
export type PoolRenderOptions = Omit<RenderOptions, "remarkPlugins">;

export type PoolHooks = {
  /** Called once, from the worker's parse, with the source's @mentions; the render goes on with its answer. */
  resolveMentions?: (candidates: MentionCandidate[]) => Promise<ResolvedMentions>;
};

type Job = {
  id: number;
  source: string;
  settings: WorkerSettings;
  hooks: PoolHooks;
  resolve: (rendered: Rendered) => void;
  reject: (error: unknown) => void;
  /** Times this job ran out of time already (a second chance first: a starved worker is not a hostile text). */
  timeouts: number;
};

type Slot = {
  worker: Worker | null;
  /** The worker has loaded its code and takes jobs. */
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  deadlineLeft: number;
  startedAt: number;
};

/** Jobs waiting for a free worker beyond which new ones are refused as busy. */
const MAX_QUEUE = 500;

/** workerFile: the bundled worker (scripts/build-worker.ts writes it; npm install and npm run build run that). */
function workerFile(): string {
  return join(/* turbopackIgnore: true */ process.cwd(), "lib", "generated", "markdown-worker.mjs");
}

function revive(error: SerializedError): Error {
  if (error.name === "AppError" && error.code) {
    return new AppError(error.code as AppError["code"], error.message, error.details);
  }
  // Anything the pipeline throws on hostile input (a stack overflow on nesting the bounds did not
  // foresee, an allocation failure) is the text's fault, not the server's.
  if (error.name === "RangeError") return tooComplex();
  return Object.assign(new Error(error.message), { name: error.name });
}

/** Characters a job may have per `timeoutMs`: longer texts get proportionally more time. */
const CHARS_PER_TIME_LIMIT = 50_000;

/** timeLimit: the job's time: `timeoutMs` for up to 50,000 characters (any comment, most articles), proportionally more beyond (a 200,000-character article gets four times as long). */
function timeLimit(timeoutMs: number, source: string): number {
  return Math.round(timeoutMs * Math.max(1, source.length / CHARS_PER_TIME_LIMIT));
}

function tooComplex(): AppError {
  return new AppError("INVALID_INPUT", "validation.markdownTooComplex");
}

export class RenderPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Fingerprints of texts that ran out of time (the last 1,000). */
  private readonly tooComplex = new Set<string>();

  constructor(private readonly options: { size: number; timeoutMs: number; file?: string }) {
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => ({
      worker: null,
      ready: false,
      job: null,
      timer: null,
      deadlineLeft: 0,
      startedAt: 0,
    }));
  }

  /** render: the pipeline's output for `source`, from a worker; INVALID_INPUT when refused or too complex, RATE_LIMITED when the queue is full. */
  render(source: string, options: RenderKind | PoolRenderOptions = {}, hooks: PoolHooks = {}): Promise<Rendered> {
    const { remarkPlugins: _none, ...settings } = resolveOptions(options);
    // Refused here at once (linear), without taking a worker's turn; so is a text that already
    // ran out of time once (sent again, it would only take a worker's turn again).
    assertWithinBounds(source, settings.kind);
    const fingerprint = createHash("sha256").update(settings.kind).update("\0").update(source).digest("base64url");
    if (this.tooComplex.has(fingerprint)) return Promise.reject(tooComplex());
    if (this.closed) return Promise.reject(new Error("The render pool is closed"));
    if (this.queue.length >= MAX_QUEUE) {
      return Promise.reject(new AppError("RATE_LIMITED", "validation.markdownBusy", { retryAfterSeconds: 5 }));
    }
    return new Promise<Rendered>((resolve, reject) => {
      const remember = (error: unknown) => {
        if (error instanceof AppError && error.message === "validation.markdownTooComplex") {
          this.tooComplex.add(fingerprint);
          if (this.tooComplex.size > 1_000) this.tooComplex.delete(this.tooComplex.values().next().value!);
        }
        reject(error);
      };
      this.queue.push({ id: this.nextId++, source, settings, hooks, resolve, reject: remember, timeouts: 0 });
      this.dispatch();
    });
  }

  /** stats: busy workers and queued jobs (tests, health). */
  stats(): { busy: number; queued: number; workers: number } {
    return {
      busy: this.slots.filter((slot) => slot.job).length,
      queued: this.queue.length,
      workers: this.slots.filter((slot) => slot.worker).length,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("The render pool is closed"));
    await Promise.all(
      this.slots.map(async (slot) => {
        if (slot.job) this.settle(slot, (job) => job.reject(new Error("The render pool is closed")));
        const worker = slot.worker;
        slot.worker = null;
        if (worker) await worker.terminate();
      }),
    );
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job || this.queue.length === 0) continue;
      if (!slot.worker) {
        try {
          slot.worker = this.spawn(slot);
        } catch (error) {
          this.queue.shift()!.reject(error);
          continue;
        }
      }
      // A worker takes a job once it has loaded: its start-up is not the text's time.
      if (!slot.ready) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      this.startClock(slot, timeLimit(this.options.timeoutMs, job.source) * 2 ** job.timeouts);
      slot.worker.postMessage({
        type: "render",
        id: job.id,
        source: job.source,
        settings: job.settings,
        mentions: Boolean(job.hooks.resolveMentions),
      } satisfies ToWorker);
    }
    this.holdAlive();
  }

  /** holdAlive: workers keep the process alive while there is work (a job running or waiting), never when idle. */
  private holdAlive(): void {
    const work = this.queue.length > 0 || this.slots.some((slot) => slot.job);
    for (const slot of this.slots) {
      if (work) slot.worker?.ref();
      else slot.worker?.unref();
    }
  }

  private spawn(slot: Slot): Worker {
    const file = this.options.file ?? workerFile();
    if (!existsSync(file)) {
      throw new Error(`The markdown render worker is missing (${file}): run \`npm run build:worker\`.`);
    }
    slot.ready = false;
    const worker = new Worker(file, {
      // The bundle needs no loader: never inherit the parent's flags (tsx, test set-up imports).
      execArgv: [],
      // A runaway render fails inside its own heap and stack, not the server's.
      resourceLimits: { maxOldGenerationSizeMb: 256, stackSizeMb: 4 },
    });
    worker.on("message", (message: FromWorker) => this.onMessage(slot, worker, message));
    const lost = (error?: Error) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      // An allocation past the heap limit ends the worker: that text is too complex.
      const textsFault =
        !error || error.name === "RangeError" || (error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY";
      if (slot.job) this.settle(slot, (job) => job.reject(textsFault ? tooComplex() : error));
      this.dispatch();
    };
    worker.on("error", (error) => lost(error));
    worker.on("exit", () => lost());
    // An idle worker never keeps the process alive (scripts end by themselves); holdAlive refs
    // the workers while there is work. After the listeners: adding a message listener refs it.
    worker.unref();
    return worker;
  }

  private onMessage(slot: Slot, worker: Worker, message: FromWorker): void {
    if (message.type === "ready") {
      if (slot.worker !== worker) return;
      slot.ready = true;
      this.dispatch();
      return;
    }
    const job = slot.job;
    if (slot.worker !== worker || !job || message.id !== job.id) return;
    if (message.type === "mentions?") {
      // The database's time is not the text's: the clock stops while the thread is looked up.
      this.stopClock(slot);
      const resolveMentions = job.hooks.resolveMentions!;
      resolveMentions(message.candidates).then(
        (resolved) => {
          if (slot.job !== job || slot.worker !== worker) return;
          this.startClock(slot, slot.deadlineLeft);
          worker.postMessage({ type: "mentions", id: job.id, resolved } satisfies ToWorker);
        },
        (error: unknown) => {
          if (slot.job !== job) return;
          // The worker is parked waiting for the answer: replace it.
          this.retire(slot);
          this.settle(slot, (pending) => pending.reject(error));
          this.dispatch();
        },
      );
      return;
    }
    this.settle(slot, (done) =>
      message.type === "done" ? done.resolve(message.rendered) : done.reject(revive(message.error)),
    );
    this.dispatch();
  }

  private startClock(slot: Slot, ms: number): void {
    slot.startedAt = Date.now();
    slot.deadlineLeft = ms;
    slot.timer = setTimeout(() => this.timeout(slot), Math.max(1, ms));
  }

  private stopClock(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.deadlineLeft = Math.max(1, slot.deadlineLeft - (Date.now() - slot.startedAt));
  }

  private timeout(slot: Slot): void {
    slot.timer = null;
    if (!slot.job) return;
    this.retire(slot);
    this.settle(slot, (job) => {
      if (job.timeouts++ === 0) this.queue.unshift(job);
      else job.reject(tooComplex());
    });
    this.dispatch();
  }

  /** retire: stops the slot's worker and starts its replacement at once, so the next job does not wait for a worker to load. */
  private retire(slot: Slot): void {
    const worker = slot.worker;
    slot.worker = null;
    if (worker) void worker.terminate();
    if (this.closed) return;
    try {
      slot.worker = this.spawn(slot);
    } catch {
      // Spawned again, with its error, by the next dispatch.
    }
  }

  private settle(slot: Slot, action: (job: Job) => void): void {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    if (job) action(job);
  }
}

// One pool per process, parked on globalThis so that development's hot reload reuses it.
const holder = globalThis as typeof globalThis & { tribuneRenderPool?: RenderPool };

/** renderPool: this process's pool (MARKDOWN_WORKERS workers, MARKDOWN_RENDER_TIMEOUT_MS each job). */
export function renderPool(): RenderPool {
  holder.tribuneRenderPool ??= new RenderPool({
    size: env.MARKDOWN_WORKERS,
    timeoutMs: env.MARKDOWN_RENDER_TIMEOUT_MS,
  });
  return holder.tribuneRenderPool;
}
