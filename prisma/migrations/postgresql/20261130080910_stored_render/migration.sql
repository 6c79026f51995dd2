-- One render, stored (issue 15, item 1): see the SQLite migration of the same name.

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "renderVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "headingsJson" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "readingMinutes" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "renderVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "wordCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Comment_renderVersion_idx" ON "Comment"("renderVersion");

-- CreateIndex
CREATE INDEX "Post_renderVersion_idx" ON "Post"("renderVersion");
