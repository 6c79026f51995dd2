import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env.js";
import { clientIp } from "@/lib/security";
import type { LiveEvent } from "./events";
import { subscribeLive } from "./bus";
import { liveStreamSlots, type StreamSlots } from "./limits";

/** How often an idle stream sends a comment line, so proxies do not close it. */
const HEARTBEAT_MS = 25_000;
/** How long the browser waits before reconnecting after the stream ends (the `retry:` field). */
const RECONNECT_MS = 5_000;

export type LiveStreamOptions = {
  /** Interval of the `: ping` comment lines. */
  heartbeatMs?: number;
  /** The stream ends after this long without an event (heartbeats do not count); the browser reconnects. */
  idleMs?: number;
  /** Called once when the stream ends, whichever way (client gone, idle, failed subscription, cancel). */
  onClose?: () => void;
  /** The signed-in person reading (their user id), or none: their acts are marked with their tag. */
  viewerId?: string | null;
};

/**
 * toClient: what a browser receives of an event: its ids, and `actor`, the stream's own tag
 * (`you`), when the person who acted is the one reading. Nobody else's acts carry any tag: a
 * reader can never tell that two acts are one person's, nor link a moderator's removal to the
 * comments they sign.
 */
function toClient(event: LiveEvent, viewerId: string | null | undefined, you: string) {
  const { actorId, ...rest } = event;
  return viewerId && actorId === viewerId ? { ...rest, actor: you } : rest;
}

/**
 * liveEventStream: a Server-Sent Events response for one article. It opens with `event: viewer`
 * + `data: {"actor": <tag>}`: a random tag standing for the signed-in reader (null when signed
 * out). Each event is then `event: <type>` + `data: <json>`, with `actor: <that tag>` when the
 * reader did it (their comment, edit, deletion, moderation act or report, from any tab): the page
 * does not announce those. A `: ping` comment every 25 s keeps it open; after idleMs
 * without an event the server ends it (the EventSource reconnects by itself after `retry:`);
 * the subscription ends when the client goes away (abort signal) or cancels the stream.
 */
export function liveEventStream(
  postId: string,
  signal: AbortSignal,
  {
    heartbeatMs = HEARTBEAT_MS,
    idleMs = env.LIVE_STREAM_IDLE_SECONDS * 1000,
    onClose,
    viewerId,
  }: LiveStreamOptions = {},
): Response {
  const encoder = new TextEncoder();
  // The reader's tag: random, this stream's own (nothing to learn from it, new on reconnection).
  const you = randomBytes(16).toString("base64url");
  let ended = false;
  let cancelled = false;
  let cleanup: (() => Promise<void>) | undefined;
  // onClose runs exactly once, on every way out, even before the subscription exists.
  const finish = () => {
    if (ended) return;
    ended = true;
    onClose?.();
  };
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let stopped = false;
      const send = (text: string) => {
        if (stopped) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          void stop();
        }
      };
      let idle: ReturnType<typeof setTimeout> | undefined;
      const armIdle = () => {
        clearTimeout(idle);
        idle = setTimeout(() => {
          send(": idle, reconnect\n\n");
          void stop();
        }, idleMs);
      };
      const onEvent = (event: LiveEvent) => {
        armIdle();
        send(`event: ${event.type}\ndata: ${JSON.stringify(toClient(event, viewerId, you))}\n\n`);
      };
      let unsubscribe: () => Promise<void>;
      try {
        unsubscribe = await subscribeLive(postId, onEvent);
      } catch (error) {
        finish();
        controller.error(error);
        return;
      }
      const heartbeat = setInterval(() => send(": ping\n\n"), heartbeatMs);
      const onAbort = () => void stop();
      async function stop() {
        if (stopped) return;
        stopped = true;
        finish();
        clearInterval(heartbeat);
        clearTimeout(idle);
        signal.removeEventListener("abort", onAbort);
        await unsubscribe();
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      }
      cleanup = stop;
      // Cancelled or aborted while subscribing.
      if (cancelled || signal.aborted) return void stop();
      signal.addEventListener("abort", onAbort);
      armIdle();
      send(`retry: ${RECONNECT_MS}\n: connected\n\n`);
      send(`event: viewer\ndata: ${JSON.stringify({ actor: viewerId ? you : null })}\n\n`);
    },
    async cancel() {
      cancelled = true;
      if (cleanup) await cleanup();
      else finish();
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

/**
 * openLiveStream: liveEventStream for a request, within the stream caps: at most
 * LIVE_STREAMS_PER_CLIENT open streams per client address (clientIp) and LIVE_STREAMS_TOTAL in
 * all, per process. Over a cap the answer is a JSON refusal: 429 (this client) or 503 (the
 * server), with Retry-After. The slot is released whenever the stream ends. `viewerId`: the
 * signed-in reader, whose own acts the stream marks.
 */
export function openLiveStream(
  postId: string,
  request: Request,
  { viewerId, slots = liveStreamSlots() }: { viewerId?: string | null; slots?: StreamSlots } = {},
): Response {
  const slot = slots.acquire(clientIp(request.headers));
  if (!slot.ok) {
    const mine = slot.reason === "client";
    return Response.json(
      {
        error: mine ? "RATE_LIMITED" : "UNAVAILABLE",
        message: mine
          ? "Too many live streams are open from your address: close another tab of this site, or try again later."
          : "The server has too many live streams open: try again later.",
      },
      { status: mine ? 429 : 503, headers: { "retry-after": String(mine ? 60 : 30), "cache-control": "no-store" } },
    );
  }
  try {
    return liveEventStream(postId, request.signal, { onClose: slot.release, viewerId });
  } catch (error) {
    slot.release();
    throw error;
  }
}
