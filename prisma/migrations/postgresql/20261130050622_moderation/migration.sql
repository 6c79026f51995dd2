-- Moderation (issue 11): see the SQLite migration of the same name; ModerationEvent rows are
-- copied into the append-only AuditEntry before the old table goes.

-- DropForeignKey
ALTER TABLE "ModerationEvent" DROP CONSTRAINT "ModerationEvent_actorId_fkey";

-- DropForeignKey
ALTER TABLE "ModerationEvent" DROP CONSTRAINT "ModerationEvent_blogId_fkey";

-- AlterTable
ALTER TABLE "Blog" ADD COLUMN     "closeAfterDays" INTEGER,
ADD COLUMN     "holdLinkLimit" INTEGER,
ADD COLUMN     "holdUntilApproved" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "holdWords" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "rejectWords" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "reportThreshold" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "spamCheck" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "heldBy" TEXT,
ADD COLUMN     "moderationReason" TEXT,
ADD COLUMN     "moderatorNote" TEXT,
ADD COLUMN     "openReports" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "detail" TEXT;

-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "lockedAt" TIMESTAMP(3),
ADD COLUMN     "pinnedCommentId" TEXT,
ADD COLUMN     "slowModeSeconds" INTEGER;


-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
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
    "after" TEXT,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- Keep what was recorded: every earlier moderation event becomes an audit entry, with the
-- names of its actor and blog as they are now.
INSERT INTO "AuditEntry" ("id", "createdAt", "actorId", "actorName", "blogId", "blogName", "action", "subjectType", "subjectId", "reason", "after")
SELECT e."id", e."createdAt", e."actorId", u."name", e."blogId", b."name", e."action", e."targetType", e."targetId", e."reason", e."meta"
FROM "ModerationEvent" e
LEFT JOIN "User" u ON u."id" = e."actorId"
LEFT JOIN "Blog" b ON b."id" = e."blogId";

-- DropTable
DROP TABLE "ModerationEvent";

-- CreateTable
CREATE TABLE "Sanction" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "blogId" TEXT,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "endsAt" TIMESTAMP(3),
    "createdById" TEXT,
    "liftedAt" TIMESTAMP(3),
    "liftedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Sanction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "outcome" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "Comment_guestEmail_idx" ON "Comment"("guestEmail");

-- CreateIndex
CREATE INDEX "Comment_openReports_createdAt_idx" ON "Comment"("openReports", "createdAt");

-- AddForeignKey
ALTER TABLE "Sanction" ADD CONSTRAINT "Sanction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sanction" ADD CONSTRAINT "Sanction_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sanction" ADD CONSTRAINT "Sanction_blogId_fkey" FOREIGN KEY ("blogId") REFERENCES "Blog"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The audit log is append-only: nobody rewrites or erases what was recorded.
CREATE FUNCTION "audit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEntry is append-only';
END
$$;
CREATE TRIGGER "AuditEntry_append_only" BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION "audit_entry_append_only"();
