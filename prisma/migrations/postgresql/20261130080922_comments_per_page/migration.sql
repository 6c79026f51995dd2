-- AlterTable
ALTER TABLE "Blog" ADD COLUMN     "commentsPerPage" INTEGER NOT NULL DEFAULT 50;
