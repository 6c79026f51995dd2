// What schema.prisma has that the committed migrations of a provider do not: the SQL between them.
import { env } from "../../env.js";
import { schemaFilter, withEngine, type Provider } from "./engine";
import { readMigrationsList } from "./folders";
import { readSchemas } from "./schemas";

export type DiffOptions = {
  /** PostgreSQL server used for the shadow database (a uniquely named one is created and dropped). */
  pgAdminUrl?: string;
};

function engineUrl(provider: Provider, options: DiffOptions): string {
  return provider === "sqlite" ? "file::memory:" : (options.pgAdminUrl ?? env.PG_ADMIN_URL);
}

/** SQL taking the committed migrations of `provider` to schema.prisma ('' when there is nothing to do). */
export async function diffMigrationsToSchema(
  provider: Provider,
  options: DiffOptions,
): Promise<{ exitCode: number; script: string }> {
  const schema = readSchemas()[provider];
  const list = await readMigrationsList(provider);
  return withEngine(provider, engineUrl(provider, options), schema, async (engine) => {
    const out = await engine.diff({
      from: { tag: "migrations", ...list },
      to: { tag: "schemaDatamodel", files: [{ path: schema.path, content: schema.text }] },
      script: true,
      exitCode: true,
      filters: schemaFilter(provider),
    });
    const script = out.stdout ?? "";
    return { exitCode: out.exitCode, script: isEmptyMigration(script) ? "" : script };
  });
}

function isEmptyMigration(sql: string): boolean {
  const meaningful = sql
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("--"));
  return meaningful.length === 0;
}

/** True when schema.prisma has changes that no committed migration of `provider` covers. */
export async function checkDrift(
  provider: Provider,
  options: DiffOptions = {},
): Promise<{ drift: boolean; script: string }> {
  const { exitCode, script } = await diffMigrationsToSchema(provider, options);
  return { drift: exitCode === 2 || script !== "", script };
}
