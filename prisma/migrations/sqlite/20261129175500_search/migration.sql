-- Full-text search over articles (hand-written: schema.prisma does not describe these tables;
-- lib/db/schema-engine.ts lists them in EXTERNAL_TABLES). The FTS5 table holds tokens already
-- folded (case, accents) and Snowball-stemmed in the blog's language by lib/search, so SQLite and
-- PostgreSQL match the same words, plus the plain text that snippets quote (not indexed).
-- post_search_doc is narrow on purpose: ranking reads it for every match (its post, blog and
-- date), and small rows keep that in the page cache. A post deleted from "Post" leaves both
-- through the cascade and the trigger.

-- CreateTable
CREATE TABLE "post_search_doc" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "post_id" TEXT NOT NULL,
    "blog_id" TEXT NOT NULL,
    "published_at" DATETIME NOT NULL,
    CONSTRAINT "post_search_doc_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "post_search_doc_post_id_key" ON "post_search_doc"("post_id");

-- CreateFTS5Table (rowid = post_search_doc.id)
CREATE VIRTUAL TABLE "post_search" USING fts5(
    title, tags, body, plain UNINDEXED,
    tokenize = "unicode61 remove_diacritics 2"
);

-- CreateTrigger
CREATE TRIGGER "post_search_doc_ad" AFTER DELETE ON "post_search_doc" BEGIN
    DELETE FROM "post_search" WHERE rowid = old.id;
END;
