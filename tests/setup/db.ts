import { db, dbProvider } from "@/lib/db";

/** resetDb: empties every table (not the migrations) so each test starts from nothing. */
export async function resetDb(): Promise<void> {
  if (dbProvider() === "postgresql") {
    const rows = await db.$queryRawUnsafe<{ tablename: string }[]>(
      "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'",
    );
    if (rows.length) await db.$executeRawUnsafe(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} CASCADE`);
    return;
  }
  // Ordinary tables only: FTS5 virtual tables follow their content tables by triggers, and
  // better-sqlite3's defensive mode refuses writes to their shadow tables (type 'shadow').
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'",
  );
  // The audit log's append-only triggers refuse DELETE: set them aside while emptying, then put
  // them back exactly as the migration wrote them (TRUNCATE on PostgreSQL fires no row trigger).
  const triggers = await db.$queryRawUnsafe<{ name: string; sql: string }[]>(
    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditEntry'",
  );
  for (const { name } of triggers) await db.$executeRawUnsafe(`DROP TRIGGER "${name}"`);
  await db.$executeRawUnsafe("PRAGMA foreign_keys = OFF");
  for (const { name } of rows) await db.$executeRawUnsafe(`DELETE FROM "${name}"`);
  await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  for (const { sql } of triggers) await db.$executeRawUnsafe(sql);
}

/** countRows: rows per table, to prove that a failed operation wrote nothing. */
export async function countRows(): Promise<Record<string, number>> {
  const [users, blogs, posts, comments, tags, links, memberships] = await Promise.all([
    db.user.count(),
    db.blog.count(),
    db.post.count(),
    db.comment.count(),
    db.tag.count(),
    db.link.count(),
    db.membership.count(),
  ]);
  return { users, blogs, posts, comments, tags, links, memberships };
}
