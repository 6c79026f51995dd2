// New migrations: one folder per provider with the same `<timestamp>_<name>`, from the diff
// between the committed migrations and schema.prisma.
import { existsSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { diffMigrationsToSchema, type DiffOptions } from "./diff";
import { PROVIDERS } from "./engine";
import { lockfileContent, migrationsDir } from "./folders";
import { projectRoot } from "./schemas";

function timestamp(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return (
    p(date.getUTCFullYear(), 4) +
    p(date.getUTCMonth() + 1) +
    p(date.getUTCDate()) +
    p(date.getUTCHours()) +
    p(date.getUTCMinutes()) +
    p(date.getUTCSeconds())
  );
}

/** A timestamp later than every existing migration folder of both providers. */
async function nextTimestamp(root: string): Promise<string> {
  let latest = "";
  for (const provider of PROVIDERS) {
    const dir = migrationsDir(provider, root);
    if (!existsSync(dir)) continue;
    for (const name of await readdir(dir)) {
      const ts = /^(\d{14})_/.exec(name)?.[1];
      if (ts && ts > latest) latest = ts;
    }
  }
  let date = new Date();
  while (timestamp(date) <= latest) date = new Date(date.getTime() + 1000);
  return timestamp(date);
}

export const MIGRATION_NAME = /^[a-z0-9_]+$/;

/**
 * Writes a new migration for each provider whose committed migrations do not reach schema.prisma,
 * both with the same `<timestamp>_<name>` folder. Returns the folders written (null: no change).
 */
export async function writeMigration(
  name: string,
  options: DiffOptions = {},
): Promise<{ sqlite: string | null; postgresql: string | null }> {
  if (!MIGRATION_NAME.test(name))
    throw new Error(`Invalid migration name "${name}": use lowercase letters, digits and underscores`);
  const root = projectRoot();
  // Both diffs first: nothing is written unless both providers could be diffed.
  const scripts = {
    sqlite: (await diffMigrationsToSchema("sqlite", options)).script,
    postgresql: (await diffMigrationsToSchema("postgresql", options)).script,
  };
  const result: { sqlite: string | null; postgresql: string | null } = { sqlite: null, postgresql: null };
  if (!scripts.sqlite && !scripts.postgresql) {
    console.log("No schema changes");
    return result;
  }
  const folder = `${await nextTimestamp(root)}_${name}`;
  for (const provider of PROVIDERS) {
    const script = scripts[provider];
    if (!script) {
      console.log(`No schema changes for ${provider}`);
      continue;
    }
    const base = migrationsDir(provider, root);
    const dir = path.join(base, folder);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), script.endsWith("\n") ? script : `${script}\n`);
    const lock = path.join(base, "migration_lock.toml");
    if (!existsSync(lock)) await writeFile(lock, lockfileContent(provider));
    result[provider] = dir;
    console.log(`Wrote ${path.relative(root, dir)}/migration.sql`);
  }
  return result;
}
