import "server-only";
import { readFile, unlink } from "node:fs/promises";
import { join, resolve } from "node:path";
import { contentTypeOf, type ImageType } from "./detect";
import { env } from "@/lib/env.js";

/** The only names saveImageUpload gives: 32 hex characters and a known extension (no path parts). */
const UPLOAD_NAME = /^[a-f0-9]{32}\.(?:png|jpg|webp|gif)$/;

/** uploadsDir: where uploads live; UPLOADS_DIR is read at call time (tests point it elsewhere). */
export function uploadsDir(): string {
  return resolve(/* turbopackIgnore: true */ process.cwd(), env.UPLOADS_DIR);
}

/** readUpload: a stored upload's bytes and type, or null for a bad name or a missing file. */
export async function readUpload(name: string): Promise<{ bytes: Buffer; type: ImageType } | null> {
  const type = contentTypeOf(name);
  if (!UPLOAD_NAME.test(name) || !type) return null;
  try {
    return { bytes: await readFile(join(uploadsDir(), name)), type };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** deleteUpload: removes the file behind an /uploads/<name> URL; anything else is left alone. */
export async function deleteUpload(url: string | null | undefined): Promise<void> {
  const name = url?.startsWith("/uploads/") ? url.slice("/uploads/".length) : null;
  if (!name || !UPLOAD_NAME.test(name)) return;
  await unlink(join(uploadsDir(), name)).catch(() => undefined);
}
