-- Moderation (issue 11): comment rules on blogs, thread tools on posts, moderation state on
-- comments, reports, sanctions, notification details, and the append-only audit log that
-- replaces ModerationEvent (its rows are copied over first). Columns are added in place: no
-- table is rebuilt, nothing people wrote is copied or rewritten.

-- AlterTable
ALTER TABLE "Blog" ADD COLUMN "holdUntilApproved" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Blog" ADD COLUMN "holdLinkLimit" INTEGER;
ALTER TABLE "Blog" ADD COLUMN "holdWords" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Blog" ADD COLUMN "rejectWords" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Blog" ADD COLUMN "closeAfterDays" INTEGER;
ALTER TABLE "Blog" ADD COLUMN "reportThreshold" INTEGER NOT NULL DEFAULT 3;
ALTER TABLE "Blog" ADD COLUMN "spamCheck" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "heldBy" TEXT;
ALTER TABLE "Comment" ADD COLUMN "moderationReason" TEXT;
ALTER TABLE "Comment" ADD COLUMN "moderatorNote" TEXT;
ALTER TABLE "Comment" ADD COLUMN "openReports" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "detail" TEXT;

-- AlterTable
ALTER TABLE "Post" ADD COLUMN "lockedAt" DATETIME;
ALTER TABLE "Post" ADD COLUMN "pinnedCommentId" TEXT;
ALTER TABLE "Post" ADD COLUMN "slowModeSeconds" INTEGER;

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorName" TEXT,
    "blogId" TEXT,
    "blogName" TEXT,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "subjectName" TEXT,
    "reason" TEXT,
    "before" TEXT,
    "after" TEXT
);

-- CreateTable
CREATE TABLE "Sanction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "blogId" TEXT,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "endsAt" DATETIME,
    "createdById" TEXT,
    "liftedAt" DATETIME,
    "liftedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Sanction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Sanction_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Sanction_blogId_fkey" FOREIGN KEY ("blogId") REFERENCES "Blog" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "commentId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "outcome" TEXT,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Report_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Report_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Keep what was recorded: every earlier moderation event becomes an audit entry, with the
-- names of its actor and blog as they are now.
INSERT INTO "AuditEntry" ("id", "createdAt", "actorId", "actorName", "blogId", "blogName", "action", "subjectType", "subjectId", "reason", "after")
SELECT e."id", e."createdAt", e."actorId", u."name", e."blogId", b."name", e."action", e."targetType", e."targetId", e."reason", e."meta"
FROM "ModerationEvent" e
LEFT JOIN "User" u ON u."id" = e."actorId"
LEFT JOIN "Blog" b ON b."id" = e."blogId";

-- DropTable
DROP INDEX "ModerationEvent_targetType_targetId_idx";
DROP INDEX "ModerationEvent_blogId_createdAt_idx";
DROP TABLE "ModerationEvent";

-- CreateIndex
CREATE INDEX "Comment_guestEmail_idx" ON "Comment"("guestEmail");
CREATE INDEX "Comment_openReports_createdAt_idx" ON "Comment"("openReports", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_blogId_createdAt_idx" ON "AuditEntry"("blogId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_idx" ON "AuditEntry"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_subjectType_subjectId_idx" ON "AuditEntry"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_createdAt_idx" ON "AuditEntry"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "Sanction_userId_liftedAt_idx" ON "Sanction"("userId", "liftedAt");

-- CreateIndex
CREATE INDEX "Sanction_blogId_createdAt_idx" ON "Sanction"("blogId", "createdAt");

-- CreateIndex
CREATE INDEX "Report_reporterId_idx" ON "Report"("reporterId");

-- CreateIndex
CREATE UNIQUE INDEX "Report_commentId_reporterId_key" ON "Report"("commentId", "reporterId");

-- The audit log is append-only: nobody rewrites or erases what was recorded.
CREATE TRIGGER "AuditEntry_no_update" BEFORE UPDATE ON "AuditEntry" BEGIN
  SELECT RAISE(ABORT, 'AuditEntry is append-only');
END;
CREATE TRIGGER "AuditEntry_no_delete" BEFORE DELETE ON "AuditEntry" BEGIN
  SELECT RAISE(ABORT, 'AuditEntry is append-only');
END;
