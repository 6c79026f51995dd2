// npm run db:generate
// Writes prisma/postgresql/schema.prisma (derived from prisma/schema.prisma), then generates both
// Prisma clients into lib/generated/{sqlite,postgresql}. `prisma generate` does not need the
// native schema engine, but tries to download it at start-up unless PRISMA_SCHEMA_ENGINE_BINARY
// points somewhere: /bin/true is enough offline.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { readSchemas } from "../lib/db/migrations/schemas";
import { env as config } from "../lib/env.js";

function main(): number {
  const schemas = readSchemas();
  const pg = schemas.postgresql;
  mkdirSync(path.dirname(pg.path), { recursive: true });
  const previous = existsSync(pg.path) ? readFileSync(pg.path, "utf8") : null;
  if (previous !== pg.text) {
    writeFileSync(pg.path, pg.text);
    console.log(`Wrote ${path.relative(process.cwd(), pg.path)}`);
  }

  const prismaBin = path.join(process.cwd(), "node_modules", ".bin", "prisma");
  const env = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: config.PRISMA_SCHEMA_ENGINE_BINARY,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  };
  for (const schema of [schemas.sqlite, pg]) {
    const rel = path.relative(process.cwd(), schema.path);
    const result = spawnSync(prismaBin, ["generate", "--schema", rel], { stdio: "inherit", env });
    if (result.error) {
      console.error(`prisma generate --schema ${rel} could not start: ${result.error.message}`);
      return 1;
    }
    if (result.status !== 0) {
      console.error(`prisma generate --schema ${rel} failed (exit code ${result.status ?? result.signal})`);
      return result.status ?? 1;
    }
  }
  return 0;
}

process.exit(main());
