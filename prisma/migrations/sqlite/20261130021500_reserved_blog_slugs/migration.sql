-- Data only (hand-written, the same for SQLite and PostgreSQL but for the clock): the routes
-- /unsubscribe, /verify-email and /reset-password joined RESERVED_BLOG_SLUGS (lib/blogs/schemas.ts),
-- so a blog that took one of those slugs before could never be reached. Each such blog moves to
-- "<slug>-blog" (else "<slug>-blog-2" … "-blog-9", else "<slug>-<id>": never taken, never lost),
-- and its old slug is kept as an alias, as a rename in the blog's settings does: its article
-- addresses (/<old>/<article>) redirect permanently wherever the route does not own them.

CREATE TABLE "_tribune_slug_suffix" ("n" INTEGER NOT NULL PRIMARY KEY, "suffix" TEXT NOT NULL);
INSERT INTO "_tribune_slug_suffix" ("n", "suffix") VALUES
    (1, '-blog'), (2, '-blog-2'), (3, '-blog-3'), (4, '-blog-4'), (5, '-blog-5'),
    (6, '-blog-6'), (7, '-blog-7'), (8, '-blog-8'), (9, '-blog-9');

CREATE TABLE "_tribune_blog_rename" ("blogId" TEXT NOT NULL PRIMARY KEY, "oldSlug" TEXT NOT NULL, "newSlug" TEXT NOT NULL);
INSERT INTO "_tribune_blog_rename" ("blogId", "oldSlug", "newSlug")
SELECT b."id", b."slug", COALESCE(
    (SELECT b."slug" || s."suffix" FROM "_tribune_slug_suffix" s
      WHERE NOT EXISTS (SELECT 1 FROM "Blog" o WHERE o."slug" = b."slug" || s."suffix")
        AND NOT EXISTS (SELECT 1 FROM "BlogSlugAlias" a WHERE a."slug" = b."slug" || s."suffix")
      ORDER BY s."n" LIMIT 1),
    b."slug" || '-' || LOWER(b."id"))
FROM "Blog" b
WHERE b."slug" IN ('unsubscribe', 'verify-email', 'reset-password');

INSERT INTO "BlogSlugAlias" ("slug", "blogId", "createdAt")
SELECT r."oldSlug", r."blogId", strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now') FROM "_tribune_blog_rename" r
WHERE NOT EXISTS (SELECT 1 FROM "BlogSlugAlias" a WHERE a."slug" = r."oldSlug");

UPDATE "Blog"
SET "slug" = (SELECT r."newSlug" FROM "_tribune_blog_rename" r WHERE r."blogId" = "Blog"."id"),
    "updatedAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
WHERE "id" IN (SELECT "blogId" FROM "_tribune_blog_rename");

DROP TABLE "_tribune_blog_rename";
DROP TABLE "_tribune_slug_suffix";
