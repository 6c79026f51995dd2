import { rm } from "node:fs/promises";
import { z } from "zod";
import { apiError } from "@/lib/api";
import { viewerForRequest } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { plainMessage } from "@/lib/i18n/plain";
import { consume } from "@/lib/security";
import { assertCanImport, importDisqus, importWxr, MAX_UPLOAD_BYTES, saveUploadedExport } from "@/lib/import";

const QuerySchema = z.object({ kind: z.enum(["wxr", "disqus"]) });

/**
 * POST /api/import/<blog>?kind=wxr|disqus: a blog owner's import from the settings page. The
 * body (the export file, at most 50 MB) is streamed to disk rather than sent through a server
 * action; the answer is a stream of JSON lines: progress while the import runs, then the report.
 * An owner's import links only the blog's members' accounts: everyone else stays a guest author.
 */
export async function POST(request: Request, { params }: { params: Promise<{ blog: string }> }) {
  let file: string | null = null;
  try {
    const viewer = await viewerForRequest(request, { mutation: true });
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
    const { blog } = await params;
    const { kind } = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    await assertCanImport(viewer, blog);
    // Each import may read 50 MB and write a whole blog: a few an hour per person.
    await consume("import", `user:${viewer.id}`);
    if (Number(request.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES)
      throw new AppError("INVALID_INPUT", "blogImport.tooLarge");
    if (!request.body) throw new AppError("INVALID_INPUT", "blogImport.noFile");
    file = await saveUploadedExport(request.body);
    const path = file;
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (line: object) => {
          try {
            controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
          } catch {
            // The page was closed: the import goes on to its end all the same.
          }
        };
        let last = 0;
        const options = {
          blog,
          actor: { kind: "person" as const, actor: viewer },
          onProgress: ({ bytes, total }: { bytes: number; total: number }) => {
            if (Date.now() - last < 250) return;
            last = Date.now();
            send({ type: "progress", bytes, total });
          },
        };
        try {
          const report = kind === "wxr" ? await importWxr(path, options) : await importDisqus(path, options);
          send({ type: "done", report });
        } catch (error) {
          const message = error instanceof AppError ? plainMessage(error.message) : (error as Error).message;
          send({ type: "error", message });
        } finally {
          await rm(path, { force: true });
          try {
            controller.close();
          } catch {
            // Already closed by the reader going away.
          }
        }
      },
    });
    file = null;
    return new Response(stream, {
      headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
    });
  } catch (error) {
    if (file) await rm(file, { force: true });
    return apiError(error);
  }
}
