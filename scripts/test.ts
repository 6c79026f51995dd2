// npm test: every check, one stage after the other (2 cores: parallel stages fight over them).
// Typecheck, lint, unit, integration on SQLite and on PostgreSQL, then Playwright end to end.
// Stops at the first failing stage and prints a summary of the stages' times.
import { spawnSync } from "node:child_process";

const stages: [string, string[]][] = [
  ["typecheck", ["npm", "run", "--silent", "typecheck"]],
  ["lint", ["npm", "run", "--silent", "lint"]],
  ["unit", ["npm", "run", "--silent", "test:unit"]],
  ["integration (SQLite)", ["npm", "run", "--silent", "test:integration"]],
  ["integration (PostgreSQL)", ["npm", "run", "--silent", "test:integration:pg"]],
  ["e2e (Playwright, Chromium)", ["npm", "run", "--silent", "test:e2e"]],
];

const only = process.argv.slice(2);
const summary: string[] = [];
let failed = false;
for (const [name, [command, ...args]] of stages) {
  if (only.length && !only.some((word) => name.startsWith(word))) continue;
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const result = spawnSync(command!, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  summary.push(`${ok ? "✔" : "✖"} ${name.padEnd(28)} ${seconds.padStart(6)} s`);
  if (!ok) {
    failed = true;
    break;
  }
}
console.log(`\n━━ summary ━━\n${summary.join("\n")}`);
process.exit(failed ? 1 : 0);
