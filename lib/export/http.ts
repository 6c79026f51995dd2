import "server-only";

/**
 * exportResponse: an export as a JSON download, streamed: each chunk is read from the database
 * when the client asks for more (pull), so a large instance never sits in memory. A failure half
 * way ends the body early; the import refuses a cut file.
 */
export function exportResponse(filename: string, chunks: AsyncGenerator<string>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
}
