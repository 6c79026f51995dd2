/** The image formats Tribune accepts, by their content type. */
export const IMAGE_TYPES = {
  "image/png": { extension: "png", sizeType: "png" },
  "image/jpeg": { extension: "jpg", sizeType: "jpg" },
  "image/webp": { extension: "webp", sizeType: "webp" },
  "image/gif": { extension: "gif", sizeType: "gif" },
} as const;

export type ImageType = keyof typeof IMAGE_TYPES;

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

/** detectImageType: the format told by the file's magic bytes, or null (SVG, text and anything else). */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "image/gif";
  return null;
}

/** contentTypeOf: the Content-Type of a stored upload, from its extension (null: not ours). */
export function contentTypeOf(name: string): ImageType | null {
  const extension = name.slice(name.lastIndexOf(".") + 1);
  const entry = Object.entries(IMAGE_TYPES).find(([, info]) => info.extension === extension);
  return entry ? (entry[0] as ImageType) : null;
}
