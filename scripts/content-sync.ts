// npm run content:sync [-- --dir ./content]: imports content/ into the database, idempotently.
import { parseArgs } from "node:util";
import { env } from "../lib/env.js";
import { ContentError, loadContent, syncContent } from "../lib/content";
import { db, disconnectDb } from "../lib/db";

const { values } = parseArgs({ options: { dir: { type: "string" }, "if-empty": { type: "boolean" } } });
const dir = values.dir ?? env.CONTENT_DIR;

try {
  if (values["if-empty"] && (await db.blog.count()) > 0) {
    console.log("The database already has blogs: demo content not imported.");
    process.exit(0);
  }
  const bundle = loadContent(dir);
  const report = await syncContent(bundle);
  for (const [kind, counts] of Object.entries(report)) {
    console.log(
      `${kind.padEnd(9)} created ${counts.created}, updated ${counts.updated}, unchanged ${counts.unchanged}`,
    );
  }
} catch (error) {
  console.error(error instanceof ContentError ? error.message : error);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
