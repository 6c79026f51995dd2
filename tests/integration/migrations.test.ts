// The committed migrations (prisma/migrations/{sqlite,postgresql}) must match prisma/schema.prisma,
// and apply cleanly and idempotently to a fresh database of each kind.
// Needs the PostgreSQL server of PG_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432/postgres).
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  applyMigrations,
  checkDrift,
  dropPgDatabase,
  migrationStatus,
  readMigrationsList,
  type Provider,
} from "../../lib/db/schema-engine";

const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function pgUrlFor(database: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

const fresh: Record<Provider, () => { url: string; cleanup: () => Promise<void> }> = {
  sqlite: () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tribune-migrations-"));
    return {
      // A folder that does not exist yet: applyMigrations creates it.
      url: `file:${path.join(dir, "nested", "test.db")}`,
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  postgresql: () => {
    const name = `tribune_test_${randomBytes(6).toString("hex")}`;
    return { url: pgUrlFor(name), cleanup: () => dropPgDatabase(PG_ADMIN_URL, name) };
  },
};

for (const provider of ["sqlite", "postgresql"] as const) {
  describe(`migrations (${provider})`, () => {
    const db = fresh[provider]();
    after(() => db.cleanup());

    test("the committed migrations match schema.prisma (no drift)", async () => {
      const { drift, script } = await checkDrift(provider, { pgAdminUrl: PG_ADMIN_URL });
      assert.equal(
        drift,
        false,
        `prisma/schema.prisma has changes no ${provider} migration covers: run \`npm run db:migration -- <name>\`.\n${script}`,
      );
    });

    test("apply to a fresh database: all migrations, then none", async () => {
      const all = (await readMigrationsList(provider)).migrationDirectories.map((d) => d.path);
      assert.ok(all.length > 0, "no committed migrations");

      const first = await applyMigrations(db.url);
      assert.deepEqual(first.applied, all);
      if (provider === "sqlite") assert.ok(existsSync(db.url.slice("file:".length)));

      const second = await applyMigrations(db.url);
      assert.deepEqual(second.applied, []);

      const status = await migrationStatus(db.url);
      assert.equal(status.history, null);
      assert.deepEqual(status.failedMigrationNames, []);
      assert.deepEqual(status.editedMigrationNames, []);
    });
  });
}
