// Driver adapters as the wasm schema engine needs them: the app's own adapters (better-sqlite3,
// pg) with the few places where they and the engine disagree worked around, every connection
// tracked so an engine run closes what it opened (a pg pool would keep Node alive ~10 s).
import { randomBytes } from "node:crypto";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { pgConfigOf, quoteIdent, withPgClient } from "./postgres-admin";

/** What one engine run opened, closed at its end (adapters and shadow databases first, pools last). */
export type Resources = { cleanups: Array<() => Promise<void>> };

/** Delegates to `inner` (bound, as the adapters use private fields), with some methods replaced. */
function wrapAdapter(inner: SqlDriverAdapter, overrides: Partial<SqlDriverAdapter>): SqlDriverAdapter {
  return new Proxy(inner, {
    get(target, prop) {
      if (Object.hasOwn(overrides, prop)) return overrides[prop as keyof SqlDriverAdapter];
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Adapter whose dispose runs once, whether the engine or our clean-up calls it first. */
function tracked(
  adapter: SqlDriverAdapter,
  res: Resources,
  extra?: () => Promise<void>,
  overrides: Partial<SqlDriverAdapter> = {},
): SqlDriverAdapter {
  let disposed: Promise<void> | null = null;
  const dispose = (): Promise<void> => {
    disposed ??= (async () => {
      try {
        await adapter.dispose();
      } finally {
        await extra?.();
      }
    })();
    return disposed;
  };
  res.cleanups.push(dispose);
  return wrapAdapter(adapter, { ...overrides, dispose });
}

// SQLite ----------------------------------------------------------------------------------------

function isMultiStatementError(e: unknown): boolean {
  const message = e instanceof Error ? `${e.message} ${String((e as { cause?: unknown }).cause ?? "")}` : String(e);
  return /more than one statement/i.test(message) || /more than one statement/i.test(JSON.stringify(e) ?? "");
}

/** The shadow replay sends whole migration files through executeRaw; better-sqlite3 takes one statement there. */
function sqliteOverrides(adapter: SqlDriverAdapter): Partial<SqlDriverAdapter> {
  return {
    executeRaw: async (query: SqlQuery): Promise<number> => {
      try {
        return await adapter.executeRaw(query);
      } catch (e) {
        if (query.args.length === 0 && isMultiStatementError(e)) {
          await adapter.executeScript(query.sql);
          return 0;
        }
        throw e;
      }
    },
  };
}

/** sqliteFactory: the better-sqlite3 adapter for the engine (shadow database in memory). */
export function sqliteFactory(file: string, res: Resources): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaBetterSqlite3(
    { url: file },
    { timestampFormat: "unixepoch-ms", shadowDatabaseUrl: ":memory:" },
  );
  return {
    provider: "sqlite",
    adapterName: inner.adapterName,
    async connect() {
      const a = await inner.connect();
      return tracked(a, res, undefined, sqliteOverrides(a));
    },
    async connectToShadowDb() {
      const a = await inner.connectToShadowDb();
      return tracked(a, res, undefined, sqliteOverrides(a));
    },
  };
}

// PostgreSQL ------------------------------------------------------------------------------------

/** The PostgreSQL describer reads catalog columns of type "char" (oid 18), which the pg adapter cannot map. */
function fixCharFields<T>(result: T): T {
  const results: unknown[] = Array.isArray(result) ? result : [result];
  for (const r of results) {
    const fields = (r as { fields?: Array<{ dataTypeID: number }> } | null)?.fields;
    if (Array.isArray(fields)) for (const f of fields) if (f.dataTypeID === 18) f.dataTypeID = 25;
  }
  return result;
}

/** A pg Client that reports "char" columns as text: used only by the migration pools. */
class MigrationClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last: unknown = args[args.length - 1];
    if (typeof last === "function") {
      const cb = last as (err: unknown, res: unknown) => void;
      args[args.length - 1] = (err: unknown, res: unknown) => cb(err, err ? res : fixCharFields(res));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    if (out && typeof (out as Promise<unknown>).then === "function")
      return (out as Promise<unknown>).then(fixCharFields);
    return out;
  }
}

function migrationPool(config: pg.ClientConfig): pg.Pool {
  const pool = new pg.Pool({ ...config, Client: MigrationClient, max: 4, idleTimeoutMillis: 1000 });
  pool.on("error", () => {}); // idle client errors (e.g. database dropped): nothing to do
  return pool;
}

/**
 * The pg adapter's executeScript splits on ";" (which breaks functions, triggers and strings).
 * Send the whole script in one simple query instead, as Prisma's native engine does.
 */
function pgOverrides(pool: pg.Pool): Partial<SqlDriverAdapter> {
  return {
    executeScript: async (script: string): Promise<void> => {
      try {
        await pool.query(script);
      } catch (e) {
        const err = e as pg.DatabaseError;
        if (typeof err.code === "string" && typeof err.severity === "string") {
          throw new DriverAdapterError({
            kind: "postgres",
            code: err.code,
            severity: err.severity,
            message: err.message,
            detail: err.detail,
            column: err.column,
            hint: err.hint,
          });
        }
        throw e;
      }
    },
  };
}

/** pgFactory: the pg adapter for the engine, with its own uniquely named shadow database. */
export function pgFactory(url: string, res: Resources): SqlMigrationAwareDriverAdapterFactory {
  const config = pgConfigOf(url);
  const mainPool = migrationPool(config);
  res.cleanups.push(() => mainPool.end().catch(() => {}));
  const main = new PrismaPg(mainPool);
  return {
    provider: "postgres",
    adapterName: main.adapterName,
    async connect() {
      return tracked(await main.connect(), res, undefined, pgOverrides(mainPool));
    },
    // Our own shadow database: uniquely named, created and dropped WITH (FORCE) through a
    // separate connection (the stock one reuses `connectionString`, i.e. the MAIN database).
    async connectToShadowDb() {
      const name = `tribune_shadow_${Date.now()}_${randomBytes(4).toString("hex")}`;
      await withPgClient(config, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
      const pool = migrationPool({ ...config, database: name });
      const adapter = await new PrismaPg(pool).connect();
      const drop = async () => {
        await pool.end().catch(() => {});
        await withPgClient(config, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
      };
      return tracked(adapter, res, drop, pgOverrides(pool));
    },
  };
}
