// npm run export -- [--blog <slug>] <file>: the whole instance (or one blog) as one JSON document
// (docs/export-format.md), read in one snapshot and streamed to the file in batches; written
// beside it first and renamed at the end, so a failed export never leaves a file that looks complete.
// npm run export -- --markdown --blog <slug> <dir>: the blog as a content/ folder under <dir>.
import { parseArgs } from "node:util";
import { disconnectDb } from "../lib/db";
import { isAppError } from "../lib/errors";
import { exportBlogMarkdown, exportToFile, resolveScope } from "../lib/export";

const { values, positionals } = parseArgs({
  options: { blog: { type: "string" }, markdown: { type: "boolean" } },
  allowPositionals: true,
});
const target = positionals[0];
if (!target || positionals.length > 1 || (values.markdown && !values.blog)) {
  console.error(
    "usage: npm run export -- [--blog <slug>] <file.json>\n       npm run export -- --markdown --blog <slug> <dir>",
  );
  process.exit(2);
}

try {
  const scope = await resolveScope(values.blog);
  if (values.markdown && scope.kind === "blog") {
    const { folder, posts } = await exportBlogMarkdown(scope.blogId, target);
    console.log(`Wrote ${posts} articles of ${scope.slug} to ${folder}.`);
  } else {
    await exportToFile(scope, target);
    console.log(`Exported ${scope.kind === "blog" ? `the blog ${scope.slug}` : "the whole instance"} to ${target}.`);
  }
} catch (error) {
  console.error(isAppError(error) && error.code === "NOT_FOUND" ? `No blog has the slug "${values.blog}".` : error);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
