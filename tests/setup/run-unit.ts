// Runs tests/unit (pure code: no database, no network). Extra arguments select files.
import { spawnSync } from "node:child_process";
import { buildWorker } from "../../scripts/build-worker";
import { findTests, nodeTestArgs } from "./find-tests";

await buildWorker();

const files = process.argv.slice(2);
const args = [...nodeTestArgs, "--test", "--test-reporter=spec", ...(files.length ? files : findTests("tests/unit"))];
const result = spawnSync(process.execPath, args, { stdio: "inherit", env: { ...process.env, NODE_ENV: "test" } });
process.exit(result.status ?? 1);
