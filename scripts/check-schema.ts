// npm run lint (last step): the committed prisma/postgresql/schema.prisma must be exactly what
// `npm run db:generate` derives from prisma/schema.prisma, so a schema edit never lands without it.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { readSchemas } from "../lib/db/migrations/schemas";

const { postgresql } = readSchemas();
const rel = path.relative(process.cwd(), postgresql.path);
const committed = existsSync(postgresql.path) ? readFileSync(postgresql.path, "utf8") : null;
if (committed !== postgresql.text) {
  console.error(`${rel} is not what prisma/schema.prisma generates: run \`npm run db:generate\` and commit it.`);
  process.exit(1);
}
