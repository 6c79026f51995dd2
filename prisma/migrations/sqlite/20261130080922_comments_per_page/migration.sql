-- AlterTable (a new column, added in place: no table rebuild)
ALTER TABLE "Blog" ADD COLUMN "commentsPerPage" INTEGER NOT NULL DEFAULT 50;
