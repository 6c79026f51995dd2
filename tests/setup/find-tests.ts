import { readdirSync } from "node:fs";
import { join } from "node:path";

/** findTests: every *.test.ts under dir, sorted (Node 20's test runner has no glob support). */
export function findTests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".test.ts"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** nodeTestArgs: the node flags that run TypeScript tests with server-only code importable. */
export const nodeTestArgs = ["--import", "tsx", "--import", "./scripts/lib/register.mjs"];
