import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";

// The audit log is append-only (issue 11, item 7): the database refuses UPDATE and DELETE (see
// tests/integration/moderation-sanctions), and no module of the app even tries. This reads every
// .ts/.tsx file under lib/, app/, components/ and scripts/ (not the generated Prisma client) and
// fails on any write to AuditEntry other than the one insert in lib/moderation/audit.ts.

const ROOTS = ["lib", "app", "components", "scripts"];
const ONLY_WRITER = "lib/moderation/audit.ts";

function* sourceFiles(dir: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "node_modules" || path === join("lib", "generated")) continue;
      yield* sourceFiles(path);
    } else if (/\.(ts|tsx|mts|cts)$/.test(entry.name)) yield path;
  }
}

/** The Prisma calls that change or remove rows, on the audit model (also as client["auditEntry"]). */
const PRISMA_CHANGE =
  /\bauditEntry\b["'`]?\]?\s*\??\.\s*(update|updateMany|updateManyAndReturn|upsert|delete|deleteMany)\s*\(/;
/** Prisma inserts: only the one writer. */
const PRISMA_INSERT = /\bauditEntry\b["'`]?\]?\s*\??\.\s*(create|createMany|createManyAndReturn)\s*\(/;
/** Raw SQL that rewrites or erases the table, or disarms its triggers. */
const RAW_SQL =
  /\b(UPDATE\s+["'`]?AuditEntry\b|DELETE\s+FROM\s+["'`]?AuditEntry\b|TRUNCATE\b[^;]*\bAuditEntry\b|DROP\s+TRIGGER\b[^;]*AuditEntry|ALTER\s+TABLE\s+["'`]?AuditEntry\b)/i;

/** offences: what a source text does to the audit log that it must not. */
function offences(path: string, text: string): string[] {
  const found: string[] = [];
  const lines = text.split("\n");
  lines.forEach((line, index) => {
    const at = `${path}:${index + 1}`;
    if (PRISMA_CHANGE.test(line)) found.push(`${at} changes or deletes audit entries: ${line.trim()}`);
    if (PRISMA_INSERT.test(line) && path !== ONLY_WRITER)
      found.push(`${at} inserts audit entries outside ${ONLY_WRITER}`);
  });
  // Raw SQL may span lines: the whole text, whitespace folded.
  const folded = text.replace(/\s+/g, " ");
  const raw = folded.match(RAW_SQL);
  if (raw) found.push(`${path} runs raw SQL against AuditEntry: ${raw[0]}`);
  return found;
}

test("audit log: no module of the app updates or deletes audit entries; only lib/moderation/audit.ts inserts", () => {
  const all: string[] = [];
  let scanned = 0;
  for (const root of ROOTS)
    for (const file of sourceFiles(root)) {
      scanned++;
      all.push(...offences(relative(".", file).split("\\").join("/"), readFileSync(file, "utf8")));
    }
  assert.ok(scanned > 100, `scanned the sources (${scanned} files)`);
  assert.deepEqual(all, []);
  // The one writer is really there.
  assert.match(readFileSync(ONLY_WRITER, "utf8"), /tx\.auditEntry\.create\(/);
});

test("audit log scan: it catches what it must", () => {
  const bad = [
    "await db.auditEntry.update({ where: { id } })",
    "await tx.auditEntry.deleteMany({})",
    "await db.auditEntry.upsert({",
    'await db["auditEntry"].delete({ where })',
    "db.auditEntry?.updateMany({",
    'await db.$executeRawUnsafe(`UPDATE "AuditEntry" SET reason = NULL`)',
    "await db.$executeRaw`DELETE\n  FROM AuditEntry WHERE 1`",
    'await db.$executeRawUnsafe(`TRUNCATE "Report", "AuditEntry"`)',
    'await db.$executeRawUnsafe(`DROP TRIGGER "AuditEntry_append_only" ON "AuditEntry"`)',
    "await db.auditEntry.create({ data })",
  ];
  for (const text of bad) assert.notDeepEqual(offences("lib/x.ts", text), [], text);
  assert.deepEqual(offences(ONLY_WRITER, "await tx.auditEntry.create({ data })"), []);
  assert.deepEqual(offences("lib/x.ts", "db.auditEntry.findMany({ where })\ndb.auditEntry.count()"), []);
});
