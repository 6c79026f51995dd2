// Shared pieces of the benchmarks: options, percentiles, a bounded HTTP load generator on
// node:http (keep-alive, nothing to install), the bench database and the production server.
// Traffic only ever goes to 127.0.0.1.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { env as config } from "../../lib/env.js";
import { withHeapBound } from "../lib/heap";

export const HOST = "127.0.0.1";
export const PORT = config.BENCH_PORT;
export const BASE_URL = `http://${HOST}:${PORT}`;
export const BENCH_DIR = path.resolve("data", "bench");
/** The demo debate (33 comments), the page the page and posting benchmarks read. */
export const DEBATE = { blog: "carnet-de-josee", post: "fermer-les-commentaires-ou-apprendre-a-les-tenir" };

export type Options = { quick: boolean; pg: boolean; only: string[] | null };

export function parseOptions(argv = process.argv.slice(2)): Options {
  const only = argv.find((arg) => arg.startsWith("--only="));
  return {
    quick: argv.includes("--quick"),
    pg: argv.includes("--pg"),
    only: only
      ? only
          .slice("--only=".length)
          .split(",")
          .map((name) => name.trim())
          .filter(Boolean)
      : null,
  };
}

/** isMain: true when `moduleUrl` is the script node was started with (a part run on its own). */
export function isMain(moduleUrl: string): boolean {
  return Boolean(process.argv[1]) && moduleUrl === pathToFileURL(path.resolve(process.argv[1]!)).href;
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** A JSON summary line for one benchmark (what the runner collects and results.json holds). */
export type Summary = { bench: string } & Record<string, unknown>;
export function report(summary: Summary): Summary {
  console.log(JSON.stringify(summary));
  return summary;
}

// ---------------------------------------------------------------------------------------------
// HTTP

const agents = new Map<number, http.Agent>();
function agentFor(sockets: number): http.Agent {
  let agent = agents.get(sockets);
  if (!agent) agents.set(sockets, (agent = new http.Agent({ keepAlive: true, maxSockets: sockets })));
  return agent;
}
export function closeAgents() {
  agents.forEach((agent) => agent.destroy());
  agents.clear();
}

export type HttpResult = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; ms: number };

/**
 * request: one HTTP request to the bench server (never elsewhere). The body is read to the end
 * and returned as sent on the wire (still gzipped when the server compressed it).
 */
export function request(
  pathname: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    sockets?: number;
    timeoutMs?: number;
    /** Another loopback port (the static baseline); the bench server's by default. */
    port?: number;
  } = {},
): Promise<HttpResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: HOST,
        port: init.port ?? PORT,
        path: pathname,
        method: init.method ?? "GET",
        headers: { "accept-encoding": "gzip", ...init.headers },
        agent: agentFor(init.sockets ?? 16),
        timeout: init.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            ms: performance.now() - started,
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    if (init.body) req.write(init.body);
    req.end();
  });
}

export type LoadResult = {
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanBytes: number;
  /** Each answered request's time, ms, when asked for (keepTimings; combineLoads uses them). */
  timings?: number[];
};

/** combineLoads: runs of the same load taken in turns, as one (requests over their summed time). */
export function combineLoads(runs: LoadResult[]): LoadResult {
  const timings = runs.flatMap((run) => run.timings ?? []);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  const requests = runs.reduce((sum, run) => sum + run.requests, 0);
  const statuses: Record<string, number> = {};
  for (const run of runs)
    for (const [status, count] of Object.entries(run.statuses)) statuses[status] = (statuses[status] ?? 0) + count;
  return {
    requests,
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    statuses,
    seconds: round(seconds, 2),
    requestsPerSecond: round(requests / seconds),
    p50Ms: round(percentile(timings, 0.5)),
    p95Ms: round(percentile(timings, 0.95)),
    p99Ms: round(percentile(timings, 0.99)),
    meanBytes: Math.round(
      runs.reduce((sum, run) => sum + run.meanBytes * (run.timings?.length ?? 0), 0) / (timings.length || 1),
    ),
    timings,
  };
}

/**
 * load: `total` GETs of `pathname` by `concurrency` workers after `warmup` unmeasured ones, or
 * until `stop()` says so, never longer than `maxMs`. Browser-like: asks for gzip.
 */
export async function load(options: {
  pathname: string;
  total?: number;
  concurrency: number;
  warmup?: number;
  maxMs?: number;
  stop?: () => boolean;
  headers?: Record<string, string>;
  port?: number;
  /** One request's time limit (30 s by default); a request past it counts as an error. */
  timeoutMs?: number;
  /** Return each request's time too (combineLoads). */
  keepTimings?: boolean;
}): Promise<LoadResult> {
  const { pathname, concurrency, warmup = 0, maxMs = 120_000 } = options;
  const total = options.total ?? Infinity;
  const once = async () => {
    try {
      const res = await request(pathname, {
        sockets: concurrency,
        headers: options.headers,
        port: options.port,
        timeoutMs: options.timeoutMs,
      });
      return { ok: res.status === 200, status: String(res.status), ms: res.ms, bytes: res.body.length };
    } catch (error) {
      return { ok: false, status: (error as Error).message, ms: NaN, bytes: 0 };
    }
  };
  let issued = 0;
  // The warm-up is bounded in time too (a slow page must not hold the run).
  const warmUntil = performance.now() + maxMs;
  const warm = async () => {
    while (issued < warmup && performance.now() < warmUntil) {
      issued++;
      await once();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, warmup) }, warm));

  const timings: number[] = [];
  const statuses: Record<string, number> = {};
  let done = 0;
  let errors = 0;
  let bytes = 0;
  const started = performance.now();
  const deadline = started + maxMs;
  const worker = async () => {
    while (done < total && performance.now() < deadline && !options.stop?.()) {
      done++;
      const result = await once();
      statuses[result.status] = (statuses[result.status] ?? 0) + 1;
      if (result.ok) {
        timings.push(result.ms);
        bytes += result.bytes;
      } else errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    requests: done,
    errors,
    statuses,
    seconds: round(seconds, 2),
    requestsPerSecond: round(done / seconds),
    p50Ms: round(percentile(timings, 0.5)),
    p95Ms: round(percentile(timings, 0.95)),
    p99Ms: round(percentile(timings, 0.99)),
    meanBytes: timings.length ? Math.round(bytes / timings.length) : 0,
    ...(options.keepTimings ? { timings } : {}),
  };
}

/** RENDER: the header that makes the page cache pass a request to Next (what a signed-in reader costs). */
export const RENDER = { "x-tribune-page-cache": "bench" };

// ---------------------------------------------------------------------------------------------
// The bench database and server

export type BenchDb = { url: string; file: string; outbox: string; remove(): void };

/**
 * prepareBenchDb: a fresh SQLite file under data/bench/, migrated and holding the demo content,
 * through `scripts/start.ts --no-serve` (which also builds the production app when stale).
 * Sets DATABASE_URL for this process, so `@/lib/db` (imported later) opens it.
 */
export function prepareBenchDb(): BenchDb {
  mkdirSync(BENCH_DIR, { recursive: true });
  const stamp = `${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const file = path.join(BENCH_DIR, `bench-${stamp}.db`);
  const outbox = path.join(BENCH_DIR, `outbox-${stamp}`);
  const url = `file:${file}`;
  const started = performance.now();
  const result = spawnSync(path.resolve("node_modules", ".bin", "tsx"), ["scripts/start.ts", "--no-serve"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: serverEnv(url, outbox),
  });
  if (result.status !== 0) {
    removeDbFiles(file);
    throw new Error(`scripts/start.ts --no-serve failed (exit ${result.status ?? result.signal})`);
  }
  console.log(
    `bench: database ready in ${round((performance.now() - started) / 1000)} s (${path.relative(".", file)})`,
  );
  process.env.DATABASE_URL = url;
  process.env.OUTBOX_DIR = outbox;
  return {
    url,
    file,
    outbox,
    remove() {
      removeDbFiles(file);
      rmSync(outbox, { recursive: true, force: true });
    },
  };
}

function removeDbFiles(file: string) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
}

/** The bench server's session secret (a part that signs someone in makes its cookie with it). */
export const BENCH_SECRET = "bench-secret-not-for-production-use";

/**
 * sessionCookie: the Cookie header of a signed-in reader, as next-auth would have set it (the
 * bench's server shares BENCH_SECRET). `where` picks the person.
 */
export async function sessionCookie(where: { id: string } | { handleKey: string }): Promise<string> {
  const { db } = await import("@/lib/db");
  const { encode } = await import("next-auth/jwt");
  const reader = await db.user.findUniqueOrThrow({
    where,
    select: { id: true, name: true, email: true, image: true, sessionVersion: true },
  });
  const token = await encode({
    secret: BENCH_SECRET,
    maxAge: 3600,
    token: {
      sub: reader.id,
      name: reader.name,
      email: reader.email,
      picture: reader.image,
      uid: reader.id,
      sv: reader.sessionVersion,
    },
  });
  return `next-auth.session-token=${token}`;
}

/** The server's environment: its own database, secret and outbox; no Redis, SMTP or proxy trust. */
function serverEnv(databaseUrl: string, outbox: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(PORT),
    HOST,
    NEXTAUTH_URL: BASE_URL,
    NEXTAUTH_SECRET: BENCH_SECRET,
    NEXT_TELEMETRY_DISABLED: "1",
    OUTBOX_DIR: outbox,
    UPLOADS_DIR: path.join(outbox, "uploads"),
  };
  for (const name of ["REDIS_URL", "SMTP_URL", "TRUST_PROXY", "NODE_OPTIONS"]) delete env[name];
  // The heap bound npm start gives the server (scripts/start.ts): the bench measures what runs.
  env.NODE_OPTIONS = withHeapBound(undefined, config.SERVER_HEAP_MB);
  return env;
}

/** stop: SIGTERM to the server's process group and wait; kill: the same at once, for signal handlers. */
export type BenchServer = { stop(): Promise<void>; kill(): void; /** its process group (rssOfGroup) */ pid: number };

/**
 * rssOfGroup: the resident memory of every process in a process group (the server's primary,
 * workers and render threads' processes), in bytes: the total and the largest single process.
 */
export function rssOfGroup(pgid: number): { total: number; largest: number } {
  let total = 0;
  let largest = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid pgrp …"; comm may hold spaces, so read after ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) !== pgid) continue;
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, "utf8"))?.[1] ?? 0);
      total += kb * 1024;
      largest = Math.max(largest, kb * 1024);
    } catch {
      // the process ended meanwhile
    }
  }
  return { total, largest };
}

/** startServer: the production server (scripts/serve.ts) on 127.0.0.1:PORT over the bench database; resolves once /api/health answers. */
export async function startServer(db: BenchDb): Promise<BenchServer> {
  const free = await request("/api/health", { timeoutMs: 1000 }).then(
    () => false,
    () => true,
  );
  if (!free) throw new Error(`port ${PORT} already answers: stop that server or set BENCH_PORT`);
  // The production server npm start runs: Next behind the page cache (scripts/serve.ts).
  const child: ChildProcess = spawn(
    path.resolve("node_modules", ".bin", "tsx"),
    ["--import", "./scripts/lib/register.mjs", "scripts/serve.ts"],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...serverEnv(db.url, db.outbox), PORT: String(PORT), HOST },
      detached: true,
    },
  );
  let log = "";
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited = false;
  child.on("exit", () => (exited = true));
  const kill = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  const stop = async () => {
    if (exited) return;
    const gone = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid!, "SIGTERM"); // its process group: next and anything it forked
    } catch {
      child.kill("SIGTERM");
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }, 5000);
    await gone;
    clearTimeout(timer);
    closeAgents();
  };
  const started = performance.now();
  while (performance.now() - started < 60_000) {
    if (exited) throw new Error(`next start exited before answering:\n${log}`);
    const healthy = await request("/api/health", { timeoutMs: 2000 }).then(
      (res) => res.status === 200,
      () => false,
    );
    if (healthy) {
      console.log(`bench: server ready on ${BASE_URL} in ${round((performance.now() - started) / 1000)} s`);
      return { stop, kill, pid: child.pid! };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`next start did not answer /api/health within 60 s:\n${log}`);
}

// ---------------------------------------------------------------------------------------------
// Parts that need the server

export type ServerContext = { options: Options; db: BenchDb; /** set once the server runs */ server?: BenchServer };
/** A benchmark over the production server: `seed` writes its data before the server starts. */
export type ServerPart<S = unknown> = {
  name: string;
  seed(context: ServerContext): Promise<S>;
  run(context: ServerContext, seeded: S): Promise<Summary[]>;
};

/**
 * runServerParts: one bench database and one server for all the given parts: seed each part,
 * start the server, run them in order, then stop the server and remove the database, even on
 * failure or Ctrl-C.
 */
export async function runServerParts(
  parts: ServerPart<unknown>[],
  options: Options,
): Promise<{ summaries: Summary[]; failed: string[] }> {
  if (!parts.length) return { summaries: [], failed: [] };
  const db = prepareBenchDb();
  let server: BenchServer | undefined;
  const cleanup = async () => {
    await server?.stop();
    server = undefined;
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
    db.remove();
  };
  // Interrupted: everything synchronously, before a parent process (npm, tsx) gives up waiting.
  const onSignal = () => {
    server?.kill();
    db.remove();
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const context: ServerContext = { options, db };
    const seeded: unknown[] = [];
    for (const part of parts) seeded.push(await part.seed(context));
    server = await startServer(db);
    context.server = server;
    const summaries: Summary[] = [];
    const failed: string[] = [];
    for (const [i, part] of parts.entries()) {
      console.log(`\n▶ bench ${part.name}`);
      try {
        summaries.push(...(await part.run(context, seeded[i])));
      } catch (error) {
        // One part failing does not cost the others' figures.
        console.error(`✖ bench ${part.name}: ${(error as Error).stack ?? error}`);
        failed.push(part.name);
      }
    }
    return { summaries, failed };
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await cleanup();
  }
}

/** runStandalone: what a server part does when started on its own. */
export async function runStandalone(part: ServerPart<unknown>) {
  try {
    const { failed } = await runServerParts([part], parseOptions());
    process.exit(failed.length ? 1 : 0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
