// PostgreSQL administration for migrations and tests: connection settings from a URL, and
// databases created and dropped through a separate connection to the server.
import pg from "pg";

/** Discrete connection fields: PrismaPg's shadow pool spreads its config, and `connectionString` would win. */
export function pgConfigOf(url: string): pg.ClientConfig {
  const u = new URL(url);
  const params = u.searchParams;
  const hostParam = params.get("host");
  const config: pg.ClientConfig = {
    host: hostParam ?? (decodeURIComponent(u.hostname).replace(/^\[(.*)\]$/, "$1") || "127.0.0.1"),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || "postgres",
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
  };
  if (u.password) config.password = decodeURIComponent(u.password);
  const sslmode = params.get("sslmode");
  if (sslmode === "require" || sslmode === "verify-ca" || sslmode === "verify-full" || params.get("ssl") === "true") {
    config.ssl = sslmode === "require" ? { rejectUnauthorized: false } : true;
  }
  return config;
}

/** quoteIdent: a PostgreSQL identifier, quoted. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** withPgClient: runs `fn` on a fresh connection of `config`, closed afterwards. */
export async function withPgClient<T>(config: pg.ClientConfig, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(config);
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates the database of `url` if missing, connecting to the `postgres` database of the same server. */
export async function ensurePgDatabase(url: string): Promise<boolean> {
  const config = pgConfigOf(url);
  const name = config.database ?? "postgres";
  return withPgClient({ ...config, database: "postgres" }, async (c) => {
    const found = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return false;
    try {
      await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
      return true;
    } catch (e) {
      if ((e as { code?: string }).code === "42P04") return false; // created concurrently
      throw e;
    }
  });
}

/** Drops a database, closing other sessions on it first. */
export async function dropPgDatabase(adminUrl: string, name: string): Promise<void> {
  await withPgClient(pgConfigOf(adminUrl), (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}
