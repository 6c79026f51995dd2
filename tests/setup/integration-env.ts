// Loaded (--import) into every integration test process before the test file: points
// DATABASE_URL at this process's own database, so lib/db connects there on first use.
import { copyFileSync } from "node:fs";
import { join } from "node:path";

if (process.env.TEST_DB === "postgresql") {
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
} else if (process.env.TEST_SQLITE_TEMPLATE && process.env.TEST_RUN_DIR) {
  const file = join(process.env.TEST_RUN_DIR, `worker-${process.pid}.db`);
  copyFileSync(process.env.TEST_SQLITE_TEMPLATE, file);
  process.env.DATABASE_URL = `file:${file}`;
}
