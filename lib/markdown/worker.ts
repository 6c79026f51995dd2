// The render worker: runs the markdown pipeline off the main thread, one job at a time, so that a
// text the parser finds hard costs this thread only (and the pool's time limit ends it), never
// the event loop that answers everyone else. Bundled by scripts/build-worker.ts into
// lib/generated/markdown-worker.mjs; lib/markdown/pool.ts drives it.
//
// Protocol (one job in flight per worker):
//   worker → main  { type: "ready" }                          (once, when its code has loaded)
//   main → worker  { type: "render", id, source, settings, mentions }
//   worker → main  { type: "mentions?", id, candidates }      (only when mentions is true)
//   main → worker  { type: "mentions", id, resolved }          (the thread's people for them)
//   worker → main  { type: "done", id, rendered } | { type: "failed", id, error }
import { parentPort } from "node:worker_threads";
// The mention steps are pure (no database): the candidates are read from the one parse, and the
// main thread resolves them against the thread before rendering goes on.
import { mentionCandidatesIn } from "../mentions/parse";
import { remarkMentions } from "../mentions/remark-mentions";
import type { MentionCandidate, ResolvedMentions } from "../mentions/match";
import { finishRender, parseMarkdown } from "./render";
import type { ResolvedOptions } from "./types";

export type WorkerSettings = Omit<ResolvedOptions, "remarkPlugins">;

export type ToWorker =
  | { type: "render"; id: number; source: string; settings: WorkerSettings; mentions: boolean }
  | { type: "mentions"; id: number; resolved: ResolvedMentions };

export type SerializedError = { name: string; code?: string; message: string; details?: Record<string, unknown> };

export type FromWorker =
  | { type: "ready"; id?: undefined }
  | { type: "mentions?"; id: number; candidates: MentionCandidate[] }
  | { type: "done"; id: number; rendered: import("./types").Rendered }
  | { type: "failed"; id: number; error: SerializedError };

function serialize(error: unknown): SerializedError {
  if (error instanceof Error) {
    const { code, details } = error as Error & { code?: string; details?: Record<string, unknown> };
    return { name: error.name, code, message: error.message, details };
  }
  return { name: "Error", message: String(error) };
}

if (parentPort) {
  const port = parentPort;
  let awaitingMentions: ((resolved: ResolvedMentions) => void) | null = null;

  const render = async (job: Extract<ToWorker, { type: "render" }>) => {
    const { mdast, links } = parseMarkdown(job.source, job.settings.kind);
    const settings: ResolvedOptions = { ...job.settings, remarkPlugins: [] };
    if (job.mentions) {
      const candidates = mentionCandidatesIn(mdast);
      if (candidates.length > 0) {
        const resolved = await new Promise<ResolvedMentions>((resolve) => {
          awaitingMentions = resolve;
          port.postMessage({ type: "mentions?", id: job.id, candidates } satisfies FromWorker);
        });
        settings.remarkPlugins = [remarkMentions(resolved)];
      }
    }
    return finishRender(mdast, links, settings);
  };

  port.on("message", (message: ToWorker) => {
    if (message.type === "mentions") {
      const resume = awaitingMentions;
      awaitingMentions = null;
      resume?.(message.resolved);
      return;
    }
    render(message).then(
      (rendered) => port.postMessage({ type: "done", id: message.id, rendered } satisfies FromWorker),
      (error: unknown) =>
        port.postMessage({ type: "failed", id: message.id, error: serialize(error) } satisfies FromWorker),
    );
  });
  port.postMessage({ type: "ready" } satisfies FromWorker);
}
