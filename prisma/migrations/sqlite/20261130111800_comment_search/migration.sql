-- Full-text search over comments (hand-written, like 20261129175500_search: schema.prisma does not
-- describe these tables; lib/db/migrations/engine.ts lists them in EXTERNAL_TABLES). lib/search
-- indexes approved comments only, with tokens folded and stemmed in the blog's language; every
-- query still checks the comment is approved and its article public (lib/search/comment-query.ts).
-- A comment deleted from "Comment" leaves both tables through the cascade and the trigger.
-- Comments that already exist are indexed at the next start (npm start → scripts/rerender.ts:
-- stemming happens in the application, not in SQL), as are any approved comment found missing.

-- CreateTable
CREATE TABLE "comment_search_doc" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "comment_id" TEXT NOT NULL,
    "blog_id" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL,
    CONSTRAINT "comment_search_doc_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "comment_search_doc_comment_id_key" ON "comment_search_doc"("comment_id");

-- CreateFTS5Table (rowid = comment_search_doc.id)
CREATE VIRTUAL TABLE "comment_search" USING fts5(
    body, plain UNINDEXED,
    tokenize = "unicode61 remove_diacritics 2"
);

-- CreateTrigger
CREATE TRIGGER "comment_search_doc_ad" AFTER DELETE ON "comment_search_doc" BEGIN
    DELETE FROM "comment_search" WHERE rowid = old.id;
END;

