// npm run db:migration -- <name>
// Writes prisma/migrations/{sqlite,postgresql}/<timestamp>_<name>/migration.sql: the SQL that
// takes each provider's committed migrations to prisma/schema.prisma. Needs the PostgreSQL
// server of PG_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432/postgres) for the
// PostgreSQL shadow database (a uniquely named database, dropped afterwards).
// Run `npm run db:generate` afterwards (or before) so the clients match the schema.
import { MIGRATION_NAME, writeMigration } from "../lib/db/migrations";

async function main(): Promise<number> {
  const name = process.argv[2];
  if (!name || process.argv.length > 3 || !MIGRATION_NAME.test(name)) {
    console.error("Usage: npm run db:migration -- <name>   (name: lowercase letters, digits and underscores)");
    return 1;
  }
  try {
    await writeMigration(name);
    return 0;
  } catch (e) {
    console.error("Could not write the migration:");
    console.error(e instanceof Error ? e.message : String(e));
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
