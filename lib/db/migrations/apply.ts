// Committed migrations applied to a database (as `prisma migrate deploy`), and its history compared.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { DiagnoseMigrationHistoryOutput } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { providerOf, sqlitePathOf } from "../url";
import { schemaFilter, withEngine } from "./engine";
import { readMigrationsList } from "./folders";
import { ensurePgDatabase } from "./postgres-admin";
import { readSchemas } from "./schemas";

/**
 * Applies the committed migrations of the URL's provider that the database lacks (as
 * `prisma migrate deploy`). Creates the SQLite file's folder, or the PostgreSQL database.
 */
export async function applyMigrations(
  databaseUrl: string,
  options: { before?: string } = {},
): Promise<{ applied: string[] }> {
  const provider = providerOf(databaseUrl);
  if (provider === "sqlite") {
    const file = sqlitePathOf(databaseUrl);
    if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  } else {
    await ensurePgDatabase(databaseUrl);
  }
  const migrationsList = await readMigrationsList(provider);
  // Tests of a data migration stop before it, write the rows it must handle, then apply it.
  const { before } = options;
  if (before) {
    migrationsList.migrationDirectories = migrationsList.migrationDirectories.filter((d) => d.path < before);
  }
  const schema = readSchemas()[provider];
  return withEngine(provider, databaseUrl, schema, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: schemaFilter(provider) });
    return { applied: out.appliedMigrationNames };
  });
}

/** What the database's migration history looks like compared with the committed migrations. */
export async function migrationStatus(databaseUrl: string): Promise<DiagnoseMigrationHistoryOutput> {
  const provider = providerOf(databaseUrl);
  const migrationsList = await readMigrationsList(provider);
  return withEngine(provider, databaseUrl, readSchemas()[provider], (engine) =>
    engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: schemaFilter(provider) }),
  );
}
