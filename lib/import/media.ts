import "server-only";
import { guardedFetch } from "@/lib/http";
import { saveImageUpload } from "@/lib/uploads";
import { markdownImageUrls, rewriteLinks } from "./markdown-links";
import type { ImportReport } from "./run";

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/**
 * fetchMedia: downloads the images of an imported body into uploads (through the guarded HTTP
 * client: no private addresses, bounded size and time; each image checked by its bytes) and
 * points the body at the copies. An image that cannot be fetched keeps its original address and
 * is reported. `copies` remembers each address across the run, so an image is fetched once.
 */
export async function fetchMedia(
  markdown: string,
  copies: Map<string, string | null>,
  report: ImportReport,
): Promise<string> {
  for (const url of new Set(markdownImageUrls(markdown))) {
    if (copies.has(url) || !/^https?:\/\//i.test(url)) continue;
    try {
      const response = await guardedFetch(url, { maxBytes: MAX_IMAGE_BYTES, timeoutMs: 20_000 });
      if (response.status !== 200) throw new Error(`the server answered ${response.status}`);
      const saved = await saveImageUpload(new File([new Uint8Array(response.body)], "image"), {
        purpose: "imported",
        maxBytes: MAX_IMAGE_BYTES,
      });
      copies.set(url, saved.url);
    } catch (error) {
      copies.set(url, null);
      report.skipped.push({ item: `image ${url}`, reason: `kept at its address (${(error as Error).message})` });
    }
  }
  return rewriteLinks(markdown, (url) => copies.get(url) ?? undefined, ["image"]);
}
