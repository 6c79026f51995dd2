// npm run import:wxr -- <file> --blog <slug> [--owner <email>] [--skip-pages] [--fetch-media]
// npm run import:disqus -- <file> --blog <slug>
// Imports a WordPress export (WXR) or a Disqus export into a blog (lib/import), with progress on
// stderr and the report on stdout. Run again with the same file: nothing new, "unchanged".
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { disconnectDb } from "../lib/db";
import { importDisqus, importWxr, type ImportProgress, type ImportReport } from "../lib/import";
import { closeLiveBus } from "../lib/live";

const kind = process.argv[2];
const { values, positionals } = parseArgs({
  args: process.argv.slice(3),
  allowPositionals: true,
  options: {
    blog: { type: "string" },
    owner: { type: "string" },
    "skip-pages": { type: "boolean" },
    "fetch-media": { type: "boolean" },
  },
});
const file = positionals[0];
if ((kind !== "wxr" && kind !== "disqus") || !file || !values.blog || positionals.length > 1) {
  console.error(
    kind === "disqus"
      ? "usage: npm run import:disqus -- <file> --blog <slug>"
      : "usage: npm run import:wxr -- <file> --blog <slug> [--owner <email>] [--skip-pages] [--fetch-media]",
  );
  process.exit(2);
}

let shown = 0;
function progress({ bytes, total, report }: ImportProgress) {
  const now = Date.now();
  if (now - shown < 500 && bytes < total) return;
  shown = now;
  const percent = total ? Math.floor((bytes / total) * 100) : 100;
  const line = `${percent}% read · posts ${report.posts.created + report.posts.updated + report.posts.unchanged} · comments ${report.comments.created + report.comments.updated + report.comments.unchanged}`;
  process.stderr.write(process.stderr.isTTY ? `\r${line}   ` : `${line}\n`);
}

function print(report: ImportReport) {
  if (process.stderr.isTTY) process.stderr.write("\n");
  if (report.blog.created) console.log(`Blog /${report.blog.slug} created.`);
  for (const name of ["posts", "comments"] as const) {
    const c = report[name];
    console.log(
      `${name.padEnd(9)} created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}, skipped ${c.skipped}`,
    );
  }
  const p = report.people;
  console.log(`people    created ${p.created} (without password), matched ${p.matched}, guest authors ${p.guests}`);
  console.log(`addresses stored ${report.addresses.stored}`);
  for (const clash of report.addresses.clashes) console.log(`  clash: ${clash}`);
  for (const skip of report.skipped) console.log(`  skipped ${skip.item}: ${skip.reason}`);
  console.log(report.unchanged ? "unchanged: the file brought nothing new." : `Run ${report.runId} done.`);
}

try {
  const options = {
    blog: values.blog,
    actor: { kind: "operator" as const, ownerEmail: values.owner },
    onProgress: progress,
  };
  print(
    kind === "wxr"
      ? await importWxr(file, { ...options, skipPages: values["skip-pages"], fetchMedia: values["fetch-media"] })
      : await importDisqus(file, options),
  );
} catch (error) {
  if (process.stderr.isTTY) process.stderr.write("\n");
  const message =
    error instanceof ZodError ? error.issues.map((issue) => issue.message).join("; ") : (error as Error).message;
  console.error(`Import failed, nothing of it is visible: ${message}`);
  process.exitCode = 1;
} finally {
  await closeLiveBus();
  await disconnectDb();
}
