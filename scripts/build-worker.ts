// Bundles the markdown render worker (lib/markdown/worker.ts and what it imports) into one file,
// lib/generated/markdown-worker.mjs, that a worker thread can load as it is: in Next's server, in
// tsx scripts and in tests alike. Run by `npm install` (postinstall), `npm run build`, `npm start`
// and the test runners; quick (about a second) and skipped when the bundle is newer than its sources.
//   tsx scripts/build-worker.ts [--force]
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "..");
const outfile = join(root, "lib", "generated", "markdown-worker.mjs");
// What the worker's code can import: the pipeline, mentions, env and errors, and the lock file.
const sources = [
  "lib/markdown",
  "lib/mentions",
  "lib/env.js",
  "lib/errors.ts",
  "lib/users/schemas.ts",
  "package-lock.json",
  "scripts/build-worker.ts",
];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

/** buildWorker: writes the bundle when it is missing or older than its sources; returns whether it built. */
export async function buildWorker(force = false): Promise<boolean> {
  const builtAt = existsSync(outfile) ? statSync(outfile).mtimeMs : 0;
  if (!force && builtAt > Math.max(...sources.map((source) => newest(join(root, source))))) return false;
  await build({
    entryPoints: [join(root, "lib", "markdown", "worker.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
    tsconfig: join(root, "tsconfig.json"),
    // Some dependencies are CommonJS: give the ESM bundle a require for them.
    banner: {
      js: "import { createRequire as __tribuneRequire } from 'node:module'; const require = __tribuneRequire(import.meta.url);",
    },
  });
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const built = await buildWorker(process.argv.includes("--force"));
  console.log(built ? `Built ${outfile}` : "Markdown worker bundle is up to date");
}
