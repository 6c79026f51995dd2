// npm run content:sync [-- --dir ./content] [--demo]: imports content/ into the database, idempotently.
// --demo also puts the instance in demo mode: the demo's people get the README's password.
import { parseArgs } from "node:util";
import { env } from "../lib/env.js";
import { enableDemoAccounts, hashPassword } from "../lib/auth";
import { ContentError, loadContent, syncContent } from "../lib/content";
import { db, disconnectDb } from "../lib/db";
import { closeLiveBus } from "../lib/live";

const { values } = parseArgs({
  options: { dir: { type: "string" }, "if-empty": { type: "boolean" }, demo: { type: "boolean" } },
});
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
  if (values.demo) {
    const people = await enableDemoAccounts(hashPassword);
    console.log(`Demo mode on: ${people} demo people can sign in with the README's demo password.`);
  }
} catch (error) {
  console.error(error instanceof ContentError ? error.message : error);
  process.exitCode = 1;
} finally {
  // The import told running instances to forget their cached pages over the live bus.
  await closeLiveBus();
  await disconnectDb();
}
