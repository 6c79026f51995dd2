-- AlterTable
ALTER TABLE "Link" ADD COLUMN "context" TEXT;
