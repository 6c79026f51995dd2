import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaClient } from "../generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../generated/postgresql/client";
import { providerOf, sqliteFilePath, type DbProvider } from "./url";
import { env } from "../env.js";

/** Db: the Prisma client type used everywhere (the SQLite client's; the PostgreSQL one has the same shape). */
export type Db = PrismaClient;
export { providerOf, type DbProvider };

export type QueryListener = (query: string, params: string) => void;

/** createDb: a new client for the URL; callers own it. The app uses the shared `db` instead. */
export function createDb(url: string, onQuery?: QueryListener): Db {
  const log = onQuery ? [{ emit: "event" as const, level: "query" as const }] : [];
  if (providerOf(url) === "postgresql") {
    const adapter = new PrismaPg({ connectionString: url, max: env.DATABASE_POOL_SIZE });
    const client = new PostgresClient({ adapter, log }) as unknown as Db;
    if (onQuery) listen(client, onQuery);
    return client;
  }
  const file = sqliteFilePath(url);
  mkdirSync(dirname(file), { recursive: true });
  enableWal(file);
  // better-sqlite3 enforces foreign keys by default; `timeout` is its busy timeout (ms).
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: 5000 });
  const client = new PrismaClient({ adapter, log });
  if (onQuery) listen(client, onQuery);
  return client;
}

function listen(client: Db, onQuery: QueryListener) {
  (client as unknown as { $on: (e: "query", cb: (ev: { query: string; params: string }) => void) => void }).$on(
    "query",
    (event) => onQuery(event.query, event.params),
  );
}

/** enableWal: WAL lets readers work while one writer writes; the mode is stored in the file itself. */
function enableWal(file: string): void {
  const raw = new Database(file);
  try {
    raw.pragma("journal_mode = WAL");
  } finally {
    raw.close();
  }
}
