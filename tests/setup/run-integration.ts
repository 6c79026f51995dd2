// Runs tests/integration against a fresh database of the given kind, then removes it.
//   tsx tests/setup/run-integration.ts sqlite|postgresql [files...]
// SQLite: one migrated template file; every test file copies it (tests/setup/integration-env.ts).
// PostgreSQL: one uniquely named database for the run, dropped at the end even on failure.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { applyMigrations, dropPgDatabase } from "../../lib/db/migrations";
import { env as config } from "../../lib/env.js";
import { buildWorker } from "../../scripts/build-worker";
import { findTests, nodeTestArgs } from "./find-tests";

const kind = process.argv[2];
if (kind !== "sqlite" && kind !== "postgresql") {
  console.error("usage: run-integration.ts sqlite|postgresql [test files...]");
  process.exit(2);
}
const files = process.argv.slice(3);
const runId = `${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const runDir = resolve("data", "test", runId);
mkdirSync(runDir, { recursive: true });
const adminUrl = config.PG_ADMIN_URL;
const pgName = `tribune_test_${runId}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "test",
  TEST_DB: kind,
  TEST_RUN_DIR: runDir,
  NEXTAUTH_URL: "http://localhost:3999",
  // Mail a test does not look at still goes somewhere of the run's, never to data/outbox.
  OUTBOX_DIR: join(runDir, "outbox"),
};

let status = 1;
await buildWorker();
try {
  if (kind === "sqlite") {
    const template = join(runDir, "template.db");
    await applyMigrations(`file:${template}`);
    env.TEST_SQLITE_TEMPLATE = template;
  } else {
    const url = new URL(adminUrl);
    url.pathname = `/${pgName}`;
    try {
      await applyMigrations(url.toString());
    } catch (error) {
      console.error(
        `PostgreSQL is required for these tests and did not answer at ${url.host}: ${(error as Error).message}`,
      );
      throw error;
    }
    env.TEST_DATABASE_URL = url.toString();
  }
  const args = [
    ...nodeTestArgs,
    "--import",
    "./tests/setup/integration-env.ts",
    "--test",
    "--test-concurrency=1",
    "--test-reporter=spec",
    ...(files.length ? files : findTests("tests/integration")),
  ];
  console.log(`Integration tests on ${kind}${kind === "postgresql" ? ` (database ${pgName})` : ""}`);
  status = spawnSync(process.execPath, args, { stdio: "inherit", env }).status ?? 1;
} finally {
  if (kind === "postgresql")
    await dropPgDatabase(adminUrl, pgName).catch((e) => console.error("could not drop", pgName, e));
  rmSync(runDir, { recursive: true, force: true });
}
process.exit(status);
