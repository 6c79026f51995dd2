-- A blog's description is markdown (issue 15, item 3): its sanitized rendering and its text are
-- stored beside it. Null until the start-up re-render (scripts/rerender.ts) renders existing ones.

-- AlterTable
ALTER TABLE "Blog" ADD COLUMN "descriptionHtml" TEXT;
ALTER TABLE "Blog" ADD COLUMN "descriptionText" TEXT;
