-- Full-text search over articles (hand-written: schema.prisma does not describe this table;
-- lib/db/schema-engine.ts lists it in EXTERNAL_TABLES). lib/search builds the document from
-- tokens already folded (case, accents) and Snowball-stemmed in the blog's language, weighted
-- A (title), B (tags), C (body), with the 'simple' configuration: SQLite and PostgreSQL match the
-- same words, and no extension (unaccent) is needed. blog_id and published_at are copies, so
-- ranking filters without reading "Post" rows for every match.

-- CreateTable
CREATE TABLE "post_search" (
    "post_id" TEXT NOT NULL,
    "blog_id" TEXT NOT NULL,
    "published_at" TIMESTAMP(3) NOT NULL,
    "document" TSVECTOR NOT NULL,
    "plain" TEXT NOT NULL,

    CONSTRAINT "post_search_pkey" PRIMARY KEY ("post_id"),
    CONSTRAINT "post_search_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "post_search_document_idx" ON "post_search" USING GIN ("document");
