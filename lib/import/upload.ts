import "server-only";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "@/lib/errors";

/** The largest file a blog's settings page takes; larger exports go through the command. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/**
 * saveUploadedExport: streams a request body to a new file in the system's temporary folder,
 * never holding it in memory, and refuses (INVALID_INPUT validation.importTooLarge, nothing
 * left behind) as soon as it passes `maxBytes`. The caller removes the file when done.
 */
export async function saveUploadedExport(
  body: ReadableStream<Uint8Array>,
  maxBytes = MAX_UPLOAD_BYTES,
): Promise<string> {
  const dir = join(tmpdir(), "tribune-imports");
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomBytes(12).toString("hex")}.xml`);
  let bytes = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) done(new AppError("INVALID_INPUT", "blogImport.tooLarge"));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>),
      cap,
      createWriteStream(path, { flags: "wx" }),
    );
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return path;
}
