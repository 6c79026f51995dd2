import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";

// This process points at a database nobody migrated: health must say so with a 503-worthy answer.
const file = join(process.env.TEST_RUN_DIR ?? "data", `unmigrated-${process.pid}.db`);
process.env.DATABASE_URL =
  process.env.TEST_DB === "postgresql" ? "postgresql://postgres@127.0.0.1:1/nowhere" : `file:${file}`;

const { checkHealth } = await import("@/lib/db/health");
const { disconnectDb } = await import("@/lib/db");
after(async () => {
  await disconnectDb();
  rmSync(file, { force: true });
});

test("health: reports a database that is not migrated or not reachable, without leaking the URL", async () => {
  const health = await checkHealth();
  assert.equal(health.ok, false);
  assert.ok(!health.ok && health.reason.length > 0);
  const expected = process.env.TEST_DB === "postgresql" ? /unreachable/ : /not migrated/;
  assert.match(!health.ok ? health.reason : "", expected);
  assert.doesNotMatch(JSON.stringify(health), /postgres@|nowhere|unmigrated/);
});
