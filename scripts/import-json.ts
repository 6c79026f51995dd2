// npm run import:json -- <file>: loads an export (npm run export) into an EMPTY instance, all or
// nothing. Passwords are never exported: people sign in by asking for a reset link on the
// sign-in page (or the operator runs npm run user:create -- --admin <email> for an administrator).
import { createReadStream } from "node:fs";
import { parseArgs } from "node:util";
import { disconnectDb } from "../lib/db";
import { ImportRefusal, importExport } from "../lib/export";

const { positionals } = parseArgs({ allowPositionals: true });
if (positionals.length !== 1) {
  console.error("usage: npm run import:json -- <file.json>");
  process.exit(2);
}

try {
  const summary = await importExport(createReadStream(positionals[0]!));
  console.log(`Imported ${summary.scope}:`);
  for (const [section, count] of Object.entries(summary.counts)) console.log(`  ${section.padEnd(17)} ${count}`);
  console.log('Nobody has a password yet: people choose one through "Forgot your password?" on the sign-in page.');
} catch (error) {
  console.error(error instanceof ImportRefusal ? `Import refused: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
