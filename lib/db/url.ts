import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** DbProvider: which database a DATABASE_URL names. */
export type DbProvider = "sqlite" | "postgresql";

/** redact: the URL with its password hidden, for messages and logs. */
export function redact(url: string): string {
  return url.replace(/^(\w+:\/\/[^:/@]*:)[^@/]*@/, "$1***@");
}

/** providerOf: postgres:// or postgresql:// is PostgreSQL, file: is SQLite; anything else is refused. */
export function providerOf(url: string): DbProvider {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (/^file:/i.test(url)) return "sqlite";
  throw new Error(
    `Unsupported DATABASE_URL "${redact(url)}": use file:./path/to.db (SQLite) or postgresql://… (PostgreSQL)`,
  );
}

/** sqlitePathOf: the file a `file:` URL names (relative paths stay relative, as better-sqlite3 reads them). */
export function sqlitePathOf(url: string): string {
  if (/^file:\/\//i.test(url)) return fileURLToPath(url.replace(/\?.*$/, ""));
  const path = url.replace(/^file:/i, "").replace(/\?.*$/, "");
  if (!path) throw new Error(`No file path in SQLite URL "${url}"`);
  return path;
}

/** sqliteFilePath: sqlitePathOf resolved against the working directory. */
export function sqliteFilePath(url: string): string {
  return resolve(sqlitePathOf(url));
}
