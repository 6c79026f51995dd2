import "server-only";
import { env } from "../env.js";
import { createDb, providerOf, type Db, type DbProvider } from "./client";

export type { Db, DbProvider };
/** Tx: the client inside db.$transaction (also accepts db itself), for functions that write within a caller's transaction. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
/** newId: a cuid-shaped id for a row the app must name before writing it (batch transactions). */
export { newId } from "./ids";
export type * from "../generated/sqlite/models";

type Shared = { client: Db; provider: DbProvider };
type Listener = (query: string, params: string) => void;
const listeners = new Set<Listener>();
const globalForDb = globalThis as unknown as { tribuneDb?: Shared };

function shared(): Shared {
  // One client per process, kept on globalThis so dev hot reloads do not open new pools.
  if (!globalForDb.tribuneDb) {
    const url = env.DATABASE_URL;
    const provider = providerOf(url);
    const client = createDb(url, (query, params) => listeners.forEach((listener) => listener(query, params)));
    globalForDb.tribuneDb = { client, provider };
  }
  return globalForDb.tribuneDb;
}

/** db: the process-wide Prisma client, created on first use from DATABASE_URL. */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const { client } = shared();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** dbProvider: which database DATABASE_URL points at. */
export function dbProvider(): DbProvider {
  return shared().provider;
}

/** disconnectDb: closes the shared client (scripts and tests call it before exiting). */
export async function disconnectDb(): Promise<void> {
  const current = globalForDb.tribuneDb;
  globalForDb.tribuneDb = undefined;
  if (current) await current.client.$disconnect();
}

/**
 * captureQueries: runs `work` and returns the SQL statements the shared client sent meanwhile
 * (used by the query-count and query-plan tests and by the benchmarks).
 */
export async function captureQueries<T>(
  work: () => Promise<T>,
): Promise<{ result: T; queries: { query: string; params: string }[] }> {
  const queries: { query: string; params: string }[] = [];
  const listener: Listener = (query, params) => queries.push({ query, params });
  listeners.add(listener);
  try {
    const result = await work();
    return { result, queries };
  } finally {
    listeners.delete(listener);
  }
}
