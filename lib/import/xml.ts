import { createReadStream } from "node:fs";
import type { SaxesParser } from "saxes";

/**
 * streamXml: feeds the file at `path` to a SAX parser in 256 KB pieces (memory stays flat
 * whatever the file's size) and yields what the parser's handlers pushed onto `ready` as soon as
 * each piece is read. Malformed XML stops it with `fail("The file is not valid XML at line …")`.
 * What is left in `ready` when the file ends, and the checks of a complete file, are the caller's.
 */
export async function* streamXml<T>(
  path: string,
  parser: SaxesParser,
  ready: T[],
  fail: (message: string) => Error,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<T> {
  let error: Error | null = null;
  parser.on("error", (e) => {
    error ??= fail(`The file is not valid XML at line ${parser.line}: ${e.message.split("\n")[0]}`);
  });
  let bytes = 0;
  for await (const chunk of createReadStream(path, {
    encoding: "utf8",
    highWaterMark: 256 * 1024,
  }) as AsyncIterable<string>) {
    bytes += Buffer.byteLength(chunk);
    onBytes?.(bytes);
    parser.write(chunk);
    if (error) throw error;
    while (ready.length) yield ready.shift()!;
  }
  parser.close();
  if (error) throw error;
}
