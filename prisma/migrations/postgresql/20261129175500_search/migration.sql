-- Full-text search over articles (hand-written: schema.prisma does not describe these tables;
-- lib/db/schema-engine.ts lists them in EXTERNAL_TABLES). lib/search builds the document from
-- tokens already folded (case, accents) and Snowball-stemmed in the blog's language, weighted
-- A (title), B (tags), C (body), with the 'simple' configuration: SQLite and PostgreSQL match the
-- same words, and no extension (unaccent) is needed. blog_id and published_at are copies, so
-- ranking filters without reading "Post" rows for every match.
-- post_search is what a query scans: no snippet text in it, so its rows stay narrow and matches
-- are read from few pages. The plain text that snippets quote is in post_search_text, read only
-- for the page's rows. A query ranks the newest matches (at most ~1,000, found through
-- post_search_published_idx or the blog's index), so the (blog_id,) published_at indexes matter
-- as much as the GIN one.

-- CreateTable
CREATE TABLE "post_search" (
    "post_id" TEXT NOT NULL,
    "blog_id" TEXT NOT NULL,
    "published_at" TIMESTAMP(3) NOT NULL,
    "document" TSVECTOR NOT NULL,

    CONSTRAINT "post_search_pkey" PRIMARY KEY ("post_id"),
    CONSTRAINT "post_search_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "post_search_text" (
    "post_id" TEXT NOT NULL,
    "plain" TEXT NOT NULL,

    CONSTRAINT "post_search_text_pkey" PRIMARY KEY ("post_id"),
    CONSTRAINT "post_search_text_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post_search"("post_id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "post_search_document_idx" ON "post_search" USING GIN ("document");

-- CreateIndex
CREATE INDEX "post_search_published_idx" ON "post_search" ("published_at", "post_id");

-- CreateIndex
CREATE INDEX "post_search_blog_published_idx" ON "post_search" ("blog_id", "published_at", "post_id");
