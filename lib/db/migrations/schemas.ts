// The two Prisma schemas of Tribune. prisma/schema.prisma (SQLite) is the source of truth;
// the PostgreSQL schema is derived from it here, so that `db:generate` (which writes
// prisma/postgresql/schema.prisma) and the migration tooling (which diffs against the text
// in memory) always see the same derived text. No `server-only`: used by scripts and tests.
import { readFileSync } from "node:fs";
import path from "node:path";

export type SchemaFile = { path: string; text: string };

const PG_SCHEMA_HEADER = "// GENERATED from prisma/schema.prisma by scripts/generate.ts — do not edit\n";

/** The project root: the folder that holds package.json (scripts and tests run from it). */
export function projectRoot(): string {
  return process.cwd();
}

function sqliteSchemaPath(root = projectRoot()): string {
  return path.join(root, "prisma", "schema.prisma");
}

function postgresqlSchemaPath(root = projectRoot()): string {
  return path.join(root, "prisma", "postgresql", "schema.prisma");
}

/** Replaces the value of `key = "…"` inside the first `<kind> <name> { … }` block. */
function replaceInBlock(text: string, kind: string, key: string, value: string): string {
  const block = new RegExp(`(^${kind}\\s+\\w+\\s*\\{)([\\s\\S]*?)(^\\})`, "m");
  const match = block.exec(text);
  if (!match) throw new Error(`schema.prisma: no ${kind} block found`);
  const body = match[2] ?? "";
  const line = new RegExp(`^(\\s*${key}\\s*=\\s*)"[^"]*"`, "m");
  if (!line.test(body)) throw new Error(`schema.prisma: no ${key} in the ${kind} block`);
  const newBody = body.replace(line, `$1"${value}"`);
  return text.slice(0, match.index) + match[1] + newBody + match[3] + text.slice(match.index + match[0].length);
}

/** Derives the PostgreSQL schema text from the SQLite one (provider and client output swapped). */
function derivePostgresqlSchema(sqliteText: string): string {
  let text = replaceInBlock(sqliteText, "datasource", "provider", "postgresql");
  text = replaceInBlock(text, "generator", "output", "../../lib/generated/postgresql");
  return PG_SCHEMA_HEADER + "\n" + text;
}

export function readSchemas(root = projectRoot()): { sqlite: SchemaFile; postgresql: SchemaFile } {
  const sqlitePath = sqliteSchemaPath(root);
  const sqliteText = readFileSync(sqlitePath, "utf8");
  return {
    sqlite: { path: sqlitePath, text: sqliteText },
    postgresql: { path: postgresqlSchemaPath(root), text: derivePostgresqlSchema(sqliteText) },
  };
}
