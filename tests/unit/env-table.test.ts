import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { EnvSchema } from "@/lib/env.js";

// The README's configuration table: one row per variable (or "`A`, `B`" for a pair), its default
// in the second column. A default written as code (`10`) is a value; words ("unset", "one per
// core") or a value computed from another variable (`$PORT`) mean lib/env.js declares none.
function readmeTable(): Map<string, string | undefined> {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.slice(
    readme.indexOf("## Configuration"),
    readme.indexOf("\n## ", readme.indexOf("## Configuration") + 1),
  );
  const rows = new Map<string, string | undefined>();
  for (const line of section.split("\n")) {
    const cells = line.split("|").map((cell) => cell.trim());
    if (cells.length < 4 || !cells[1]?.startsWith("`")) continue;
    const names = [...cells[1].matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((match) => match[1]!);
    const defaults = cells[2]!.startsWith("`") ? [...cells[2]!.matchAll(/`([^`]*)`/g)].map((match) => match[1]!) : [];
    names.forEach((name, index) => {
      const value = names.length > 1 ? defaults[index] : defaults[0];
      rows.set(name, value === undefined || value.includes("$") ? undefined : value);
    });
  }
  return rows;
}

function declaredDefault(name: string): string | undefined {
  const schema = EnvSchema.shape[name as keyof typeof EnvSchema.shape];
  const value: unknown = schema.parse(undefined);
  return value === undefined || value === "" ? undefined : String(value);
}

test("configuration: the README's table lists exactly the variables lib/env.js declares", () => {
  assert.deepEqual([...readmeTable().keys()].sort(), Object.keys(EnvSchema.shape).sort());
});

test("configuration: the README's defaults are lib/env.js's", () => {
  for (const [name, documented] of readmeTable()) {
    assert.equal(
      documented,
      declaredDefault(name),
      `${name}: README says ${documented}, lib/env.js ${declaredDefault(name)}`,
    );
  }
});
