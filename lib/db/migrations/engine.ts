// One run of the wasm schema engine over a database: adapters opened, the engine created on the
// schema, `fn` run, everything closed, and the engine's errors explained.
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { env } from "../../env.js";
import { sqlitePathOf, type DbProvider } from "../url";
import { pgFactory, sqliteFactory, type Resources } from "./adapters";
import type { SchemaFile } from "./schemas";
import { engineRunEnded, engineRunStarted, loadWasm } from "./wasm";

export type Provider = DbProvider;

export const PROVIDERS: readonly Provider[] = ["sqlite", "postgresql"];

/**
 * Tables that exist in the database but not in schema.prisma (made by hand-written SQL in a
 * migration, e.g. SQLite FTS5 virtual tables such as `post_search` and the shadow tables FTS5
 * creates for them: post_search_data, _idx, _content, _docsize, _config). The engine ignores them
 * in diffs and drift checks instead of proposing to drop them. Add names here, in one place.
 */
const EXTERNAL_TABLES: readonly string[] = [
  // Search (prisma/migrations/*/…_search): PostgreSQL's tables, SQLite's document table, FTS5 table and shadows.
  "post_search",
  "post_search_text",
  "post_search_doc",
  "post_search_data",
  "post_search_idx",
  "post_search_content",
  "post_search_docsize",
  "post_search_config",
  // Comment search (…_comment_search): the same layout.
  "comment_search",
  "comment_search_text",
  "comment_search_doc",
  "comment_search_data",
  "comment_search_idx",
  "comment_search_content",
  "comment_search_docsize",
  "comment_search_config",
];

/** Enums made outside schema.prisma (none: the model has no enums). */
const EXTERNAL_ENUMS: readonly string[] = [];

/** The engine's filter; on PostgreSQL it wants names qualified with their schema (`public.post_search`). */
export function schemaFilter(provider: Provider): SchemaFilter {
  const qualify = (name: string) => (provider === "postgresql" ? `public.${name}` : name);
  return { externalTables: EXTERNAL_TABLES.map(qualify), externalEnums: EXTERNAL_ENUMS.map(qualify) };
}

export type Engine = bg.SchemaEngine;

/** withEngine: runs `fn` with an engine on the database of `url`, then closes what the run opened. */
export async function withEngine<T>(
  provider: Provider,
  url: string,
  schema: SchemaFile,
  fn: (engine: Engine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const res: Resources = { cleanups: [] };
  const factory = provider === "sqlite" ? sqliteFactory(sqlitePathOf(url), res) : pgFactory(url, res);
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const debug = /schema-engine|prisma/.test(env.DEBUG ?? "");
  const log = (line: string) => {
    if (debug) console.error("[schema-engine]", line);
  };
  let engine: Engine | null = null;
  engineRunStarted();
  try {
    engine = await bg.SchemaEngine.new({ datamodels: [[schema.path, schema.text]] }, log, bound);
    return await fn(engine);
  } catch (e) {
    throw explain(e, (id) => bound.errorRegistry.consumeError(id)?.error);
  } finally {
    try {
      engine?.free();
    } catch {
      // already freed
    }
    // Adapters (and shadow databases) first, pools last.
    for (const cleanup of res.cleanups) await cleanup().catch(() => {});
    engineRunEnded();
  }
}

/** Turns the engine's error (often a plain object, with `External error id#N`) into an Error with the real cause. */
function explain(e: unknown, lookup: (id: number) => unknown): Error {
  const raw = e as { message?: unknown; error?: unknown } | null;
  let message =
    e instanceof Error
      ? e.message
      : typeof raw?.message === "string"
        ? raw.message
        : typeof e === "string"
          ? e
          : JSON.stringify(e);
  for (const m of message.matchAll(/External error id#(\d+)/g)) {
    const cause = lookup(Number(m[1]));
    if (cause !== undefined) message += `\n  caused by: ${cause instanceof Error ? cause.message : String(cause)}`;
  }
  const err = new Error(message);
  if (e instanceof Error) err.stack = `${err.message}\n${e.stack?.split("\n").slice(1).join("\n") ?? ""}`;
  return err;
}
