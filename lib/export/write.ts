import "server-only";
import { db, type Tx } from "@/lib/db";
import { EXPORT_FORMAT, EXPORT_VERSION, SECTION_ORDER } from "./schema";
import { SECTIONS, type Scope } from "./sections";

/**
 * exportChunks: the export of `scope` as JSON text, piece by piece: "meta", then each section
 * as an array with one record per line. Reads BATCH rows per query and yields one string per
 * batch, so memory stays bounded whatever the size of the instance; the consumer's pace
 * (a file, an HTTP response) sets the pace of the reads. `client` is a transaction when the
 * caller wants one snapshot (exportToFile); a download reads batch by batch.
 */
export async function* exportChunks(scope: Scope, now: Date = new Date(), client: Tx = db): AsyncGenerator<string> {
  const meta = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    scope: scope.kind === "instance" ? { kind: "instance" } : { kind: "blog", blog: scope.slug },
  };
  yield `{\n"meta": ${JSON.stringify(meta)}`;
  for (const name of SECTION_ORDER) {
    yield `,\n"${name}": [`;
    let first = true;
    for await (const rows of SECTIONS[name].pages(scope, client)) {
      yield rows.map((row) => `${first ? ((first = false), "\n") : ",\n"}${JSON.stringify(row)}`).join("");
    }
    yield first ? "]" : "\n]";
  }
  yield "\n}\n";
}
