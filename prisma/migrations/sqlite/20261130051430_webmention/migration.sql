-- Webmention (issue 13): what a received mention shows (kind, author, content), the reply comment
-- it became, guests' websites and remote replies' originals on comments, and the mentions we send.

-- CreateTable
CREATE TABLE "WebmentionSend" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceType" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "endpoint" TEXT,
    "responseStatus" INTEGER,
    "responseText" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- AlterTable (columns added in place: received mentions are not copied or rewritten)
ALTER TABLE "Webmention" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'mention';
ALTER TABLE "Webmention" ADD COLUMN "authorPhoto" TEXT;
ALTER TABLE "Webmention" ADD COLUMN "url" TEXT;
ALTER TABLE "Webmention" ADD COLUMN "contentHtml" TEXT;
ALTER TABLE "Webmention" ADD COLUMN "publishedAt" DATETIME;
ALTER TABLE "Webmention" ADD COLUMN "commentId" TEXT;
CREATE UNIQUE INDEX "Webmention_commentId_key" ON "Webmention"("commentId");
-- "verified" is now called "accepted", as the status page says.
UPDATE "Webmention" SET "status" = 'accepted' WHERE "status" = 'verified';

-- CreateIndex
CREATE INDEX "WebmentionSend_sourceType_sourceId_createdAt_idx" ON "WebmentionSend"("sourceType", "sourceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebmentionSend_sourceType_sourceId_target_version_key" ON "WebmentionSend"("sourceType", "sourceId", "target", "version");

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "guestUrl" TEXT;
ALTER TABLE "Comment" ADD COLUMN "sourceUrl" TEXT;
