import "server-only";
import type { LiveEvent } from "./events";
import { subscribeLive } from "./bus";

/** How often an idle stream sends a comment line, so proxies do not close it. */
export const HEARTBEAT_MS = 25_000;

/**
 * liveEventStream: a Server-Sent Events response for one article. Each event is
 * `event: <type>` + `data: <json>`; a `: ping` comment every 25 s keeps it open; the
 * subscription ends when the client goes away (abort signal) or cancels the stream.
 */
export function liveEventStream(postId: string, signal: AbortSignal, heartbeatMs = HEARTBEAT_MS): Response {
  const encoder = new TextEncoder();
  let cleanup: (() => Promise<void>) | undefined;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          void stop();
        }
      };
      const onEvent = (event: LiveEvent) => send(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      const unsubscribe = await subscribeLive(postId, onEvent);
      const heartbeat = setInterval(() => send(": ping\n\n"), heartbeatMs);
      const stop = async () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        signal.removeEventListener("abort", onAbort);
        await unsubscribe();
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      const onAbort = () => void stop();
      cleanup = stop;
      if (signal.aborted) return void stop();
      signal.addEventListener("abort", onAbort);
      send("retry: 5000\n: connected\n\n");
    },
    async cancel() {
      await cleanup?.();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
