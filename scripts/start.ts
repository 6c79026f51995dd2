// npm start: from a fresh clone to a running production instance, in one command.
// Generates the Prisma clients, keeps a NEXTAUTH_SECRET under data/, migrates, imports the
// demo content into an empty database, builds when the sources are newer than the build,
// then serves the production build on PORT (3000). `--no-serve` stops before serving.
import { spawnSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { env as config } from "../lib/env.js";
import { withHeapBound } from "./lib/heap";

const root = process.cwd();
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const port = String(config.PORT);
env.NEXTAUTH_URL ||= `http://localhost:${port}`;

function run(label: string, command: string, args: string[], extraEnv: Record<string, string> = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  if (result.status !== 0) {
    console.error(`✖ ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== "generated" && name !== "node_modules")
    .reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

function secret(): string {
  const file = join(root, "data", "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(join(root, "data"), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    console.log("Generated a NEXTAUTH_SECRET in data/nextauth-secret (sessions survive restarts).");
  }
  return readFileSync(file, "utf8").trim();
}

env.NEXTAUTH_SECRET ||= secret();
const tsx = join(root, "node_modules", ".bin", "tsx");
const withHooks = ["--import", "./scripts/lib/register.mjs"];

if (newestMtime("prisma/schema.prisma") > newestMtime("lib/generated")) {
  run("Generating the Prisma clients", "npm", ["run", "--silent", "db:generate"]);
}
run("Bundling the markdown render worker (when its sources changed)", tsx, ["scripts/build-worker.ts"]);
run("Migrating the database", tsx, ["scripts/migrate.ts"]);
run("Rendering again what an older markdown pipeline stored", tsx, [...withHooks, "scripts/rerender.ts"]);
if (config.DEMO_CONTENT !== "off") {
  run("Importing the demo content (only into an empty database)", tsx, [
    ...withHooks,
    "scripts/content-sync.ts",
    "--if-empty",
    "--demo",
  ]);
}

const sources = ["app", "components", "lib", "prisma", "next.config.js", "package-lock.json", "tsconfig.json"];
const buildId = join(root, ".next", "BUILD_ID");
const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
if (config.SKIP_BUILD !== "1" && Math.max(...sources.map(newestMtime)) > builtAt) {
  run("Building the production app", "node", ["node_modules/next/dist/bin/next", "build"]);
}

if (process.argv.includes("--no-serve")) process.exit(0);
console.log(`\n▶ Serving Tribune on ${env.NEXTAUTH_URL}`);
// scripts/serve.ts: Next's handler behind the page cache (what `next start` does, plus the cache).
const server = spawn(tsx, [...withHooks, "scripts/serve.ts"], {
  stdio: "inherit",
  env: { ...env, PORT: port, NODE_OPTIONS: withHeapBound(env.NODE_OPTIONS, config.SERVER_HEAP_MB) },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
