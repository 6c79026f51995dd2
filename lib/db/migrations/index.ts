// Migrations without Prisma's native engines: Prisma's schema engine compiled to wasm
// (@prisma/schema-engine-wasm) drives the database through the same driver adapters as the app
// (better-sqlite3, pg). Why and how: the README, "Migrations" (under Architecture), and
// docs/decisions/002-wasm-migrations.md.
//
// No `server-only` here: scripts (migrate, migration, generate) and tests import this module.
// One file per job: wasm.ts loads the engine, adapters.ts works around adapter details,
// postgres-admin.ts creates and drops databases, folders.ts reads the migration folders,
// engine.ts runs the engine once, apply.ts and diff.ts use it, write.ts writes new migrations,
// schemas.ts reads the two Prisma schemas.

/** providerOf, redact, sqlitePathOf: the provider of a DATABASE_URL, the URL without its password, a SQLite URL's file. */
export { providerOf, redact, sqlitePathOf } from "../url";
/** applyMigrations: applies the committed migrations the database lacks (as `prisma migrate deploy`); creates the database if missing. */
export { applyMigrations } from "./apply";
/** migrationStatus: the database's migration history compared with the committed migrations. */
export { migrationStatus } from "./apply";
/** checkDrift: whether schema.prisma has changes no committed migration of a provider covers, with their SQL. */
export { checkDrift } from "./diff";
/** writeMigration: writes the next migration of both providers under one `<timestamp>_<name>` folder name. */
export { writeMigration, MIGRATION_NAME } from "./write";
/** readMigrationsList: the committed migration folders of a provider, as the engine reads them. */
export { readMigrationsList } from "./folders";
/** dropPgDatabase, ensurePgDatabase: PostgreSQL databases dropped (sessions closed first) or created if missing. */
export { dropPgDatabase } from "./postgres-admin";
/** Provider: "sqlite" or "postgresql". */
export type { Provider } from "./engine";
