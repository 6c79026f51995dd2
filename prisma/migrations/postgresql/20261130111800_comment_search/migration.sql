-- Full-text search over comments (hand-written, like 20261129175500_search: schema.prisma does not
-- describe these tables; lib/db/migrations/engine.ts lists them in EXTERNAL_TABLES). lib/search
-- indexes approved comments only, with tokens folded and stemmed in the blog's language, in the
-- 'simple' configuration; every query still checks the comment is approved and its article
-- public (lib/search/comment-query.ts). blog_id and created_at are copies, so ranking filters and
-- picks the newest candidates without reading "Comment" rows for every match. The snippet text
-- is in comment_search_text, read only for the page's rows.
-- Comments that already exist are indexed at the next start (npm start → scripts/rerender.ts:
-- stemming happens in the application, not in SQL), as are any approved comment found missing.

-- CreateTable
CREATE TABLE "comment_search" (
    "comment_id" TEXT NOT NULL,
    "blog_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,
    "document" TSVECTOR NOT NULL,

    CONSTRAINT "comment_search_pkey" PRIMARY KEY ("comment_id"),
    CONSTRAINT "comment_search_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "comment_search_text" (
    "comment_id" TEXT NOT NULL,
    "plain" TEXT NOT NULL,

    CONSTRAINT "comment_search_text_pkey" PRIMARY KEY ("comment_id"),
    CONSTRAINT "comment_search_text_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment_search"("comment_id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "comment_search_document_idx" ON "comment_search" USING GIN ("document");

-- CreateIndex
CREATE INDEX "comment_search_created_idx" ON "comment_search" ("created_at", "comment_id");

-- CreateIndex
CREATE INDEX "comment_search_blog_created_idx" ON "comment_search" ("blog_id", "created_at", "comment_id");

