// npm run db:migrate
// Applies the committed migrations to DATABASE_URL (default: the SQLite file data/tribune.db),
// as `prisma migrate deploy` would, with Prisma's wasm schema engine (no native engine offline).
import { applyMigrations, providerOf, redact } from "../lib/db/migrations";
import { env } from "../lib/env.js";

async function main(): Promise<number> {
  const url = env.DATABASE_URL;
  const started = Date.now();
  try {
    const provider = providerOf(url);
    const { applied } = await applyMigrations(url);
    if (applied.length === 0) {
      console.log(`Database is up to date (${provider}, ${redact(url)})`);
    } else {
      console.log(`Applied ${applied.length} migration(s) to ${redact(url)} in ${Date.now() - started} ms:`);
      for (const name of applied) console.log(`  ${name}`);
    }
    return 0;
  } catch (e) {
    console.error(`Migration of ${redact(url)} failed:`);
    console.error(e instanceof Error ? e.message : String(e));
    return 1;
  }
}

// Exit explicitly: a pg pool or socket must not keep the process alive.
main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
