// Playwright's web server: one production build served twice, on SQLite (port 3100) and on
// PostgreSQL (port 3101), each with a fresh database holding the demo content. On SIGTERM
// the servers stop and both databases are removed.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { dropPgDatabase } from "../../lib/db/migrations";
import { env } from "../../lib/env.js";

export const E2E_PORTS = { sqlite: 3100, postgresql: 3101 } as const;

const runId = `${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const adminUrl = env.PG_ADMIN_URL;
const pgName = `tribune_e2e_${runId}`;
const pgUrl = Object.assign(new URL(adminUrl), { pathname: `/${pgName}` }).toString();
const sqliteFile = resolve("data", "e2e", `${runId}.db`);
const tsx = resolve("node_modules", ".bin", "tsx");

const servers: ChildProcess[] = [];
const envFor = (databaseUrl: string, port: number): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: databaseUrl,
  PORT: String(port),
  HOST: "127.0.0.1",
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NEXTAUTH_SECRET: "e2e-secret-not-for-production-use",
  NEXT_TELEMETRY_DISABLED: "1",
  SMTP_URL: "smtp://127.0.0.1:2526",
  // Tests stand for many people: each sends its own X-Forwarded-For (tests/e2e/fixtures.ts).
  TRUST_PROXY: "1",
  GITHUB_ID: "stand-in-client",
  GITHUB_SECRET: "stand-in-secret",
  GITHUB_URL: "http://127.0.0.1:2528",
  GITHUB_API_URL: "http://127.0.0.1:2528",
  // The two servers are two sites for Webmention: each may fetch the other on loopback.
  FETCH_ALLOW: "127.0.0.1",
  // One process each: the page-cache journeys read a page twice and expect the second from the
  // same cache (several workers share events and limits: tests/integration/cluster.test.ts).
  WEB_CONCURRENCY: "1",
  JOBS_POLL_MS: "500",
});

let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  servers.forEach((server) => server.kill("SIGTERM"));
  await dropPgDatabase(adminUrl, pgName).catch((error) => console.error(`could not drop ${pgName}:`, error));
  rmSync(sqliteFile, { force: true });
  rmSync(`${sqliteFile}-wal`, { force: true });
  rmSync(`${sqliteFile}-shm`, { force: true });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void cleanup().then(() => process.exit(0)));
}

// Build (when the sources changed) once, before either server starts.
const prepared = spawnSync(tsx, ["scripts/start.ts", "--no-serve"], {
  stdio: "inherit",
  env: envFor(`file:${sqliteFile}`, E2E_PORTS.sqlite),
});
if (prepared.status !== 0) {
  await cleanup();
  process.exit(prepared.status ?? 1);
}
for (const [url, port] of [
  [`file:${sqliteFile}`, E2E_PORTS.sqlite],
  [pgUrl, E2E_PORTS.postgresql],
] as const) {
  const server = spawn(tsx, ["scripts/start.ts"], { stdio: "inherit", env: { ...envFor(url, port), SKIP_BUILD: "1" } });
  server.on("exit", (code) => {
    if (!cleaned) {
      console.error(`The e2e server on port ${port} stopped (exit ${code}).`);
      void cleanup().then(() => process.exit(1));
    }
  });
  servers.push(server);
}
