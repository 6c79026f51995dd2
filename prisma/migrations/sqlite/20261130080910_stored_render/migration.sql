-- One render, stored (issue 15, item 1): what the pipeline derives from an article (headings,
-- word count, reading time) is stored beside its HTML, and each row records the pipeline version
-- that wrote it. Every row starts at version 0, so the start-up re-render (scripts/rerender.ts)
-- renders every stored article and comment again with its blog's settings. Columns are added in
-- place: no table is rebuilt, bodySource is never touched.

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "renderVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Post" ADD COLUMN "headingsJson" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "Post" ADD COLUMN "wordCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Post" ADD COLUMN "readingMinutes" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Post" ADD COLUMN "renderVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Comment_renderVersion_idx" ON "Comment"("renderVersion");

-- CreateIndex
CREATE INDEX "Post_renderVersion_idx" ON "Post"("renderVersion");
