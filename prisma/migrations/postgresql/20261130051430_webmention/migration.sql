-- Webmention (issue 13): see the SQLite migration of the same name.

-- AlterTable
ALTER TABLE "Webmention" ADD COLUMN     "authorPhoto" TEXT,
ADD COLUMN     "commentId" TEXT,
ADD COLUMN     "contentHtml" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'mention',
ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "url" TEXT;

-- CreateTable
CREATE TABLE "WebmentionSend" (
    "id" TEXT NOT NULL,
    "sourceType" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "endpoint" TEXT,
    "responseStatus" INTEGER,
    "responseText" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebmentionSend_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WebmentionSend_sourceType_sourceId_createdAt_idx" ON "WebmentionSend"("sourceType", "sourceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebmentionSend_sourceType_sourceId_target_version_key" ON "WebmentionSend"("sourceType", "sourceId", "target", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Webmention_commentId_key" ON "Webmention"("commentId");

-- "verified" is now called "accepted", as the status page says.
UPDATE "Webmention" SET "status" = 'accepted' WHERE "status" = 'verified';

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "guestUrl" TEXT,
ADD COLUMN     "sourceUrl" TEXT;
