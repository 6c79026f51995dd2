import "server-only";
import { db, dbProvider, type DbProvider } from "./index";

export type Health = { ok: true; db: DbProvider } | { ok: false; db: DbProvider | "unknown"; reason: string };

/** checkHealth: runs a real query (the migrations table must be there) and reports the provider. */
export async function checkHealth(): Promise<Health> {
  let provider: DbProvider | "unknown" = "unknown";
  try {
    provider = dbProvider();
    await db.$queryRawUnsafe('SELECT COUNT(*) AS n FROM "_prisma_migrations"');
    await db.blog.count();
    return { ok: true, db: provider };
  } catch (error) {
    // The reason names the failure without echoing connection strings or credentials.
    const message = error instanceof Error ? error.message : String(error);
    const reason = /no such table|does not exist/i.test(message)
      ? "database is not migrated (run npm run db:migrate)"
      : "database unreachable";
    console.error("[health] database check failed:", message.replace(/\/\/[^@\s]*@/g, "//***@"));
    return { ok: false, db: provider, reason };
  }
}
