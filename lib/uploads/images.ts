import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { imageSize } from "image-size";
import { AppError } from "@/lib/errors";
import { detectImageType, IMAGE_TYPES, type ImageType } from "./detect";
import { uploadsDir } from "./store";

export type UploadPurpose = "cover" | "logo" | "header" | "imported" | "article";
export type SavedImage = { url: string; width: number; height: number; bytes: number; type: ImageType };

const MiB = 1024 * 1024;
const MAX_SIDE = 8000;

/**
 * saveImageUpload: checks an uploaded image by its content (PNG, JPEG, WebP or GIF; never SVG,
 * which can carry script), its size and its dimensions, then stores it under a random name.
 * Throws AppError("INVALID_INPUT", "validation.upload…") and writes nothing when it refuses.
 */
export async function saveImageUpload(
  file: File,
  { maxBytes = 5 * MiB, purpose }: { maxBytes?: number; purpose: UploadPurpose },
): Promise<SavedImage> {
  if (file.size === 0) throw new AppError("INVALID_INPUT", "validation.uploadEmpty", { purpose });
  // The declared size comes first, so an oversized upload is refused before it is read again.
  if (file.size > maxBytes) throw new AppError("INVALID_INPUT", "validation.uploadTooLarge", { purpose, maxBytes });
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.byteLength > maxBytes)
    throw new AppError("INVALID_INPUT", "validation.uploadTooLarge", { purpose, maxBytes });
  // The browser's type and the file name are the sender's claims: only the bytes decide.
  const type = detectImageType(bytes);
  if (!type) throw new AppError("INVALID_INPUT", "validation.uploadType", { purpose });
  const size = measure(bytes);
  if (!size || size.type !== IMAGE_TYPES[type].sizeType) {
    throw new AppError("INVALID_INPUT", "validation.uploadType", { purpose });
  }
  if (size.width < 1 || size.height < 1 || size.width > MAX_SIDE || size.height > MAX_SIDE) {
    throw new AppError("INVALID_INPUT", "validation.uploadDimensions", { purpose });
  }
  const dir = uploadsDir();
  await mkdir(dir, { recursive: true });
  const name = `${randomBytes(16).toString("hex")}.${IMAGE_TYPES[type].extension}`;
  // "wx": never overwrite, even if a random name ever came back twice.
  await writeFile(join(dir, name), bytes, { flag: "wx" });
  return { url: `/uploads/${name}`, width: size.width, height: size.height, bytes: bytes.byteLength, type };
}

function measure(bytes: Uint8Array): { width: number; height: number; type?: string } | null {
  try {
    return imageSize(bytes);
  } catch {
    // A truncated or forged header: image-size cannot read it, so neither would a browser.
    return null;
  }
}
