// The production server: Next's request handler behind the page cache (lib/page-cache). It is
// what `next start` does, plus the cache: an anonymous reader of an article is answered from
// memory in well under a millisecond, without reaching Next's pipeline (routing, proxy.ts,
// web streams), so readers by the hundred leave the event loop free for the people who write.
// Run by npm start (scripts/start.ts); env: PORT (3000), HOST (all interfaces), PAGE_CACHE_SECONDS,
// TRUST_PROXY (how many reverse proxies in front; unset: the socket's address is the client's),
// WEB_CONCURRENCY (worker processes; default one per core).
// Run: tsx --import ./scripts/lib/register.mjs scripts/serve.ts
//
// With several workers (node:cluster, sharing the port), the primary only supervises: it relays
// live events and page-cache invalidations between workers (lib/live's cluster bus), keeps the
// rate-limit counts for all of them (RateLimiterClusterMaster), and replaces a worker that dies.
// With REDIS_URL, events and counts go through Redis instead, as between separate instances.
import cluster from "node:cluster";
import http from "node:http";
import { availableParallelism } from "node:os";
import next from "next";
import { RateLimiterClusterMaster } from "rate-limiter-flexible";
import { env } from "../lib/env.js";
import { relayClusterLive } from "../lib/live/bus";
import { createPageCache } from "../lib/page-cache/http";
import { createSplicer, wantsSplice } from "../lib/page-cache/splice";
import { stampClientAddress, trustedProxiesFromEnv } from "../lib/security/client-address";

const port = env.PORT;
const host = env.HOST;
(process.env as Record<string, string>).NODE_ENV = "production";
const workers = env.WEB_CONCURRENCY ?? availableParallelism();

if (cluster.isPrimary && workers > 1) {
  supervise(workers);
} else {
  await serve();
}

function supervise(count: number): void {
  new RateLimiterClusterMaster();
  const relay = relayClusterLive(() => Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined));
  cluster.on("message", (worker, message: unknown) => relay(worker, message));
  let stopping = false;
  const started: number[] = [];
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    // A worker that keeps dying at start-up (a bad build, a bad configuration) stops the server.
    const now = Date.now();
    started.push(now);
    if (started.filter((at) => now - at < 60_000).length > count * 3) {
      console.error("Workers keep stopping; giving up.");
      process.exit(1);
    }
    console.error(`Worker ${worker.process.pid} stopped (${signal ?? code}); starting another.`);
    cluster.fork();
  });
  for (let i = 0; i < count; i++) cluster.fork();
  console.log(`▲ Tribune: ${count} workers on port ${port}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
      setTimeout(() => process.exit(0), 4000).unref();
      cluster.on("exit", () => {
        if (!Object.values(cluster.workers ?? {}).some((w) => w && !w.isDead())) process.exit(0);
      });
    });
  }
}

async function serve(): Promise<void> {
  const app = next({ dev: false, hostname: host ?? "localhost", port, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();

  // A fill is a request the server sends itself, on the loopback address when it listens on all.
  const selfHost = !host || host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  const cache = createPageCache({
    origin: new URL(`http://${selfHost.includes(":") ? `[${selfHost}]` : selfHost}:${port}`),
    ttlSeconds: env.PAGE_CACHE_SECONDS,
  });

  // An article's page gets its discussion from the shared thread fragments, and a signed-in
  // reader's page is the member shell with their personal layer (lib/page-cache/splice).
  const splicer = createSplicer({ origin: cache.origin, fragments: cache.fragment, shells: cache.shell });

  // Every request's client address comes from its socket (or X-Forwarded-For through TRUST_PROXY
  // proxies), stamped before anything reads it: rate limits and stream caps count by it.
  const trustedProxies = trustedProxiesFromEnv(env.TRUST_PROXY);
  const server = http.createServer((req, res) => {
    stampClientAddress(req, trustedProxies);
    cache
      .handle(req, res)
      .then((answered) => (answered ? undefined : wantsSplice(req) ? splicer.serve(req, res) : handle(req, res)))
      .catch((error: Error) => {
        console.error("[page-cache]", error.message);
        if (!res.headersSent) void handle(req, res);
      });
  });
  server.listen(port, host, () => {
    console.log(
      `▲ Tribune on http://${host ?? "localhost"}:${port} (page cache: ${env.PAGE_CACHE_SECONDS ? `${env.PAGE_CACHE_SECONDS} s` : "off"})`,
    );
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.close(() => process.exit(0));
      // Open keep-alive and live (SSE) connections would hold close() forever.
      server.closeAllConnections();
      setTimeout(() => process.exit(0), 3000).unref();
    });
  }
}
