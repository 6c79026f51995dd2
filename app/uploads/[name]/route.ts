import { readUpload } from "@/lib/uploads";

/** GET /uploads/<name>: an uploaded image; names are random and never reused, so it is cached forever. */
export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  // readUpload accepts only the names saveImageUpload gives (no "/", "..", or other extension).
  const file = await readUpload(name);
  if (!file) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": file.type,
      "content-length": String(file.bytes.byteLength),
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}
