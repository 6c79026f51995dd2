// The committed migrations (prisma/migrations/{sqlite,postgresql}) must match prisma/schema.prisma,
// and apply cleanly and idempotently to a fresh database of each kind.
// Needs the PostgreSQL server of PG_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432/postgres).
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import {
  applyMigrations,
  checkDrift,
  dropPgDatabase,
  migrationStatus,
  readMigrationsList,
  type Provider,
} from "../../lib/db/migrations";
import { env } from "../../lib/env.js";

const PG_ADMIN_URL = env.PG_ADMIN_URL;

function pgUrlFor(database: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

const fresh: Record<Provider, () => { url: string; cleanup: () => Promise<void> }> = {
  sqlite: () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tribune-migrations-"));
    return {
      // A folder that does not exist yet: applyMigrations creates it.
      url: `file:${path.join(dir, "nested", "test.db")}`,
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  postgresql: () => {
    const name = `tribune_test_${randomBytes(6).toString("hex")}`;
    return { url: pgUrlFor(name), cleanup: () => dropPgDatabase(PG_ADMIN_URL, name) };
  },
};

// Raw SQL on a database the app's client does not know (a migration test stops half-way).
async function rawSql(url: string) {
  if (url.startsWith("file:")) {
    const sqlite = new Database(url.slice("file:".length));
    return {
      run: async (statement: string) => void sqlite.exec(statement),
      all: async <T>(query: string) => sqlite.prepare(query).all() as T[],
      close: async () => void sqlite.close(),
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    run: async (statement: string) => void (await client.query(statement)),
    all: async <T>(query: string) => (await client.query(query)).rows as T[],
    close: () => client.end(),
  };
}

const RESERVED_SLUGS_MIGRATION = "20261130021500_reserved_blog_slugs";
const MODERATION_MIGRATION = "20261130050622_moderation";
const STORED_RENDER_MIGRATION = "20261130080910_stored_render";
const TAG_LANGUAGE_MIGRATION = "20261130084744_tag_language";

for (const provider of ["sqlite", "postgresql"] as const) {
  describe(`migrations (${provider})`, () => {
    const db = fresh[provider]();
    after(() => db.cleanup());
    const older = fresh[provider]();
    after(() => older.cleanup());

    test("blogs at slugs that became routes move to a free slug; the old one stays an alias", async () => {
      await applyMigrations(older.url, { before: RESERVED_SLUGS_MIGRATION });
      const sql = await rawSql(older.url);
      try {
        await sql.run(`INSERT INTO "User" ("id", "handle", "handleKey", "name", "nameKey", "updatedAt")
          VALUES ('u1', 'josee', 'josee', 'Josée', 'josee', CURRENT_TIMESTAMP)`);
        const blogs: [string, string][] = [
          ["b1", "unsubscribe"],
          ["b2", "verify-email"],
          ["b3", "verify-email-blog"],
          ["b4", "reset-password"],
          ["b5", "carnet"],
        ];
        for (const [id, slug] of blogs) {
          await sql.run(
            `INSERT INTO "Blog" ("id", "slug", "name", "updatedAt") VALUES ('${id}', '${slug}', 'Blog ${id}', CURRENT_TIMESTAMP)`,
          );
        }
        // "reset-password-blog" was the carnet's slug once: taken too.
        await sql.run(`INSERT INTO "BlogSlugAlias" ("slug", "blogId") VALUES ('reset-password-blog', 'b5')`);
        await sql.run(`INSERT INTO "Post" ("id", "blogId", "authorId", "slug", "title", "bodySource", "bodyHtml", "updatedAt")
          VALUES ('p1', 'b1', 'u1', 'un-article', 'Un article', 'Texte', '<p>Texte</p>', CURRENT_TIMESTAMP)`);
      } finally {
        await sql.close();
      }

      assert.deepEqual((await applyMigrations(older.url)).applied.includes(RESERVED_SLUGS_MIGRATION), true);
      const migrated = await rawSql(older.url);
      try {
        const slugs = await migrated.all<{ id: string; slug: string }>(`SELECT "id", "slug" FROM "Blog" ORDER BY "id"`);
        assert.deepEqual(
          slugs.map((blog) => [blog.id, blog.slug]),
          [
            ["b1", "unsubscribe-blog"],
            ["b2", "verify-email-blog-2"],
            ["b3", "verify-email-blog"],
            ["b4", "reset-password-blog-2"],
            ["b5", "carnet"],
          ],
        );
        const aliases = await migrated.all<{ slug: string; blogId: string; createdAt: unknown }>(
          `SELECT "slug", "blogId", "createdAt" FROM "BlogSlugAlias" ORDER BY "slug"`,
        );
        assert.deepEqual(
          aliases.map((alias) => [alias.slug, alias.blogId]),
          [
            ["reset-password", "b4"],
            ["reset-password-blog", "b5"],
            ["unsubscribe", "b1"],
            ["verify-email", "b2"],
          ],
        );
        if (provider === "sqlite") {
          // Written as the app's client writes dates, so it reads them back.
          for (const alias of aliases.filter((a) => a.slug !== "reset-password-blog"))
            assert.match(String(alias.createdAt), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
        }
        const posts = await migrated.all<{ blogId: string }>(`SELECT "blogId" FROM "Post"`);
        assert.deepEqual(posts, [{ blogId: "b1" }], "the blog's articles stay with it");
      } finally {
        await migrated.close();
      }
    });

    test("moderation events become audit entries, with names as they were; the log refuses UPDATE and DELETE", async () => {
      const earlier = fresh[provider]();
      try {
        await applyMigrations(earlier.url, { before: MODERATION_MIGRATION });
        const sql = await rawSql(earlier.url);
        try {
          await sql.run(`INSERT INTO "User" ("id", "handle", "handleKey", "name", "nameKey", "updatedAt")
            VALUES ('u1', 'josee', 'josee', 'Josée Tremblay', 'josee tremblay', CURRENT_TIMESTAMP)`);
          await sql.run(
            `INSERT INTO "Blog" ("id", "slug", "name", "updatedAt") VALUES ('b1', 'carnet', 'Le carnet', CURRENT_TIMESTAMP)`,
          );
          await sql.run(`INSERT INTO "Post" ("id", "blogId", "authorId", "slug", "title", "bodySource", "bodyHtml", "updatedAt")
            VALUES ('p1', 'b1', 'u1', 'un-article', 'Un article', 'Texte', '<p>Texte</p>', CURRENT_TIMESTAMP)`);
          await sql.run(`INSERT INTO "Comment" ("id", "postId", "authorId", "bodySource", "bodyHtml", "status", "updatedAt")
            VALUES ('c1', 'p1', 'u1', 'Bonjour « à tous »', '<p>Bonjour « à tous »</p>', 'spam', CURRENT_TIMESTAMP)`);
          await sql.run(`INSERT INTO "ModerationEvent" ("id", "actorId", "blogId", "action", "targetType", "targetId", "reason", "meta")
            VALUES ('e1', 'u1', 'b1', 'comment.spam', 'comment', 'c1', 'publicité', '{"from":"approved","to":"spam"}')`);
        } finally {
          await sql.close();
        }
        assert.ok((await applyMigrations(earlier.url)).applied.includes(MODERATION_MIGRATION));
        const migrated = await rawSql(earlier.url);
        try {
          const entries = await migrated.all<Record<string, unknown>>(
            `SELECT "id", "actorId", "actorName", "blogId", "blogName", "action", "subjectType", "subjectId", "reason", "after" FROM "AuditEntry"`,
          );
          assert.deepEqual(entries, [
            {
              id: "e1",
              actorId: "u1",
              actorName: "Josée Tremblay",
              blogId: "b1",
              blogName: "Le carnet",
              action: "comment.spam",
              subjectType: "comment",
              subjectId: "c1",
              reason: "publicité",
              after: '{"from":"approved","to":"spam"}',
            },
          ]);
          const comments = await migrated.all<Record<string, unknown>>(
            `SELECT "bodySource", "status", "openReports" FROM "Comment"`,
          );
          assert.deepEqual(comments, [{ bodySource: "Bonjour « à tous »", status: "spam", openReports: 0 }]);
          await assert.rejects(migrated.run(`UPDATE "AuditEntry" SET "reason" = 'rewritten'`), /append-only/);
          await assert.rejects(migrated.run(`DELETE FROM "AuditEntry"`), /append-only/);
          // Entries outlive what they name: no foreign key ties them to the blog or the person.
          await migrated.run(`DELETE FROM "Blog" WHERE "id" = 'b1'`);
          await migrated.run(`DELETE FROM "User" WHERE "id" = 'u1'`);
          const kept = await migrated.all<{ actorName: string; blogName: string }>(
            `SELECT "actorName", "blogName" FROM "AuditEntry"`,
          );
          assert.deepEqual(kept, [{ actorName: "Josée Tremblay", blogName: "Le carnet" }]);
        } finally {
          await migrated.close();
        }
      } finally {
        await earlier.cleanup();
      }
    });

    test("stored render: every article and comment starts at render version 0 (re-rendered at start), what people wrote untouched", async () => {
      const earlier = fresh[provider]();
      try {
        await applyMigrations(earlier.url, { before: STORED_RENDER_MIGRATION });
        const sql = await rawSql(earlier.url);
        try {
          await sql.run(`INSERT INTO "User" ("id", "handle", "handleKey", "name", "nameKey", "updatedAt")
            VALUES ('u1', 'josee', 'josee', 'Josée', 'josee', CURRENT_TIMESTAMP)`);
          await sql.run(
            `INSERT INTO "Blog" ("id", "slug", "name", "updatedAt") VALUES ('b1', 'carnet', 'Le carnet', CURRENT_TIMESTAMP)`,
          );
          await sql.run(`INSERT INTO "Post" ("id", "blogId", "authorId", "slug", "title", "bodySource", "bodyHtml", "updatedAt")
            VALUES ('p1', 'b1', 'u1', 'un-article', 'Un article', '## Quoi ?', '<h2>Quoi ?</h2>', CURRENT_TIMESTAMP)`);
          await sql.run(`INSERT INTO "Comment" ("id", "postId", "authorId", "bodySource", "bodyHtml", "updatedAt")
            VALUES ('c1', 'p1', 'u1', 'Vraiment ?', '<p>Vraiment ?</p>', CURRENT_TIMESTAMP)`);
        } finally {
          await sql.close();
        }
        assert.ok((await applyMigrations(earlier.url)).applied.includes(STORED_RENDER_MIGRATION));
        const migrated = await rawSql(earlier.url);
        try {
          const posts = await migrated.all<Record<string, unknown>>(
            `SELECT "bodySource", "bodyHtml", "headingsJson", "wordCount", "readingMinutes", "renderVersion" FROM "Post"`,
          );
          assert.deepEqual(
            posts.map((row) => ({ ...row })),
            [
              {
                bodySource: "## Quoi ?",
                bodyHtml: "<h2>Quoi ?</h2>",
                headingsJson: "[]",
                wordCount: 0,
                readingMinutes: 1,
                renderVersion: 0,
              },
            ],
          );
          const comments = await migrated.all<Record<string, unknown>>(
            `SELECT "bodySource", "bodyHtml", "renderVersion" FROM "Comment"`,
          );
          assert.deepEqual(
            comments.map((row) => ({ ...row })),
            [{ bodySource: "Vraiment ?", bodyHtml: "<p>Vraiment ?</p>", renderVersion: 0 }],
          );
        } finally {
          await migrated.close();
        }
      } finally {
        await earlier.cleanup();
      }
    });

    test("tag language: each tag is split by the languages of its posts' blogs; every post keeps its tags", async () => {
      const earlier = fresh[provider]();
      try {
        await applyMigrations(earlier.url, { before: TAG_LANGUAGE_MIGRATION });
        const sql = await rawSql(earlier.url);
        try {
          await sql.run(`INSERT INTO "User" ("id", "handle", "handleKey", "name", "nameKey", "updatedAt")
            VALUES ('u1', 'josee', 'josee', 'Josée', 'josee', CURRENT_TIMESTAMP)`);
          await sql.run(`INSERT INTO "Blog" ("id", "slug", "name", "language", "updatedAt") VALUES
            ('bf', 'carnet', 'Le carnet', 'fr', CURRENT_TIMESTAMP), ('be', 'margins', 'Margins', 'en', CURRENT_TIMESTAMP)`);
          for (const [id, blog] of [
            ["p1", "bf"],
            ["p2", "bf"],
            ["p3", "be"],
            ["p4", "be"],
          ]) {
            await sql.run(`INSERT INTO "Post" ("id", "blogId", "authorId", "slug", "title", "bodySource", "bodyHtml", "updatedAt")
              VALUES ('${id}', '${blog}', 'u1', '${id}', 'Titre', 'Texte', '<p>Texte</p>', CURRENT_TIMESTAMP)`);
          }
          await sql.run(`INSERT INTO "Tag" ("id", "slug", "name") VALUES
            ('t1', 'moderation', 'Modération'), ('t2', 'media', 'media'), ('t3', 'unused', 'unused'),
            ('t4', 'moderation-en', 'moderation-en')`);
          await sql.run(`INSERT INTO "PostTag" ("postId", "tagId") VALUES
            ('p1', 't1'), ('p2', 't1'), ('p3', 't1'), ('p3', 't2'), ('p4', 't2'), ('p2', 't2'), ('p4', 't4')`);
        } finally {
          await sql.close();
        }
        assert.ok((await applyMigrations(earlier.url)).applied.includes(TAG_LANGUAGE_MIGRATION));
        const migrated = await rawSql(earlier.url);
        try {
          const tags = await migrated.all<Record<string, unknown>>(
            `SELECT "id", "slug", "name", "language" FROM "Tag" ORDER BY "id"`,
          );
          assert.deepEqual(
            tags.map((row) => ({ ...row })),
            [
              { id: "t1", slug: "moderation", name: "Modération", language: "fr" },
              { id: "t1-en", slug: "moderation-en-t1", name: "Modération", language: "en" },
              { id: "t2", slug: "media", name: "media", language: "en" },
              { id: "t2-fr", slug: "media-fr", name: "media", language: "fr" },
              { id: "t3", slug: "unused", name: "unused", language: "en" },
              { id: "t4", slug: "moderation-en", name: "moderation-en", language: "en" },
            ],
          );
          const links = await migrated.all<{ postId: string; tagId: string }>(
            `SELECT "postId", "tagId" FROM "PostTag" ORDER BY "postId", "tagId"`,
          );
          assert.deepEqual(
            links.map((row) => [row.postId, row.tagId]),
            [
              ["p1", "t1"],
              ["p2", "t1"],
              ["p2", "t2-fr"],
              ["p3", "t1-en"],
              ["p3", "t2"],
              ["p4", "t2"],
              ["p4", "t4"],
            ],
            "every post keeps as many tags, each now in its blog's language",
          );
        } finally {
          await migrated.close();
        }
      } finally {
        await earlier.cleanup();
      }
    });

    test("the committed migrations match schema.prisma (no drift)", async () => {
      const { drift, script } = await checkDrift(provider, { pgAdminUrl: PG_ADMIN_URL });
      assert.equal(
        drift,
        false,
        `prisma/schema.prisma has changes no ${provider} migration covers: run \`npm run db:migration -- <name>\`.\n${script}`,
      );
    });

    test("apply to a fresh database: all migrations, then none", async () => {
      const all = (await readMigrationsList(provider)).migrationDirectories.map((d) => d.path);
      assert.ok(all.length > 0, "no committed migrations");

      const first = await applyMigrations(db.url);
      assert.deepEqual(first.applied, all);
      if (provider === "sqlite") assert.ok(existsSync(db.url.slice("file:".length)));

      const second = await applyMigrations(db.url);
      assert.deepEqual(second.applied, []);

      const status = await migrationStatus(db.url);
      assert.equal(status.history, null);
      assert.deepEqual(status.failedMigrationNames, []);
      assert.deepEqual(status.editedMigrationNames, []);
    });
  });
}
