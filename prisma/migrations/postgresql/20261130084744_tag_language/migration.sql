-- Tags belong to a language (issue 15, item 9): an English post no longer shows the French
-- "Modération" because a French post created the tag first. Each existing tag is split by the
-- languages of the blogs whose posts use it; every post keeps its tags (no row of PostTag is
-- lost, none is added), and the tag's own URL keeps serving its main language.

-- AlterTable
ALTER TABLE "Tag" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';

-- Each tag takes the language most of its posts are written in (their blogs' language; a tie goes
-- to the first in alphabetical order). Unused tags stay "en".
UPDATE "Tag" SET "language" = (
  SELECT b."language"
  FROM "PostTag" pt
  JOIN "Post" p ON p."id" = pt."postId"
  JOIN "Blog" b ON b."id" = p."blogId"
  WHERE pt."tagId" = "Tag"."id"
  GROUP BY b."language"
  ORDER BY COUNT(*) DESC, b."language" ASC
  LIMIT 1
)
WHERE EXISTS (SELECT 1 FROM "PostTag" pt WHERE pt."tagId" = "Tag"."id");

-- For every other language its posts are in, a copy of the tag in that language: same name, id
-- "<id>-<language>", slug "<slug>-<language>" (or, should that slug be taken, "<slug>-<language>-<id>").
INSERT INTO "Tag" ("id", "slug", "name", "language")
SELECT
  t."id" || '-' || used."language",
  CASE
    WHEN EXISTS (SELECT 1 FROM "Tag" o WHERE o."slug" = t."slug" || '-' || used."language")
    THEN t."slug" || '-' || used."language" || '-' || t."id"
    ELSE t."slug" || '-' || used."language"
  END,
  t."name",
  used."language"
FROM "Tag" t
JOIN (
  SELECT DISTINCT pt."tagId" AS "tagId", b."language" AS "language"
  FROM "PostTag" pt
  JOIN "Post" p ON p."id" = pt."postId"
  JOIN "Blog" b ON b."id" = p."blogId"
) used ON used."tagId" = t."id"
WHERE used."language" <> t."language";

-- Every post keeps its tags: those in another language than the tag's move to that language's copy.
UPDATE "PostTag"
SET "tagId" = "tagId" || '-' || (
  SELECT b."language" FROM "Post" p JOIN "Blog" b ON b."id" = p."blogId" WHERE p."id" = "PostTag"."postId"
)
WHERE (SELECT b."language" FROM "Post" p JOIN "Blog" b ON b."id" = p."blogId" WHERE p."id" = "PostTag"."postId")
  <> (SELECT t."language" FROM "Tag" t WHERE t."id" = "PostTag"."tagId");
