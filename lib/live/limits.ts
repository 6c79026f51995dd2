import "server-only";
import { env } from "@/lib/env.js";

// Open live streams hold a socket, a subscription and a timer each: they are capped per client
// address (clientIp, as the rate limits count) and in total, per process. Every way a stream
// ends (the client leaves, the idle timeout, a failed subscription, the server closing) releases
// its slot exactly once, so the counts return to zero.

type StreamLimits = { perClient: number; total: number };

/** A granted slot: release() gives it back (idempotent). */
type StreamSlot = { ok: true; release: () => void };
/** A refusal: too many streams from this client (429) or in all (503). */
type StreamRefusal = { ok: false; reason: "client" | "total" };

export interface StreamSlots {
  acquire(client: string): StreamSlot | StreamRefusal;
  /** open streams in all and per client (clients with none are not listed). */
  counts(): { total: number; clients: Record<string, number> };
}

/** createStreamSlots: a counter of open streams under the given limits. */
function createStreamSlots(limits: StreamLimits): StreamSlots {
  const byClient = new Map<string, number>();
  let total = 0;
  return {
    acquire(client) {
      const mine = byClient.get(client) ?? 0;
      if (mine >= limits.perClient) return { ok: false, reason: "client" };
      if (total >= limits.total) return { ok: false, reason: "total" };
      total++;
      byClient.set(client, mine + 1);
      let released = false;
      return {
        ok: true,
        release() {
          if (released) return;
          released = true;
          total--;
          const left = (byClient.get(client) ?? 1) - 1;
          if (left > 0) byClient.set(client, left);
          else byClient.delete(client);
        },
      };
    },
    counts() {
      return { total, clients: Object.fromEntries(byClient) };
    },
  };
}

// One counter per process, on globalThis (Next's bundles and scripts/serve.ts share it).
const holder = globalThis as typeof globalThis & { tribuneLiveSlots?: StreamSlots };

/** liveStreamSlots: this process's counter, limited by LIVE_STREAMS_PER_CLIENT and LIVE_STREAMS_TOTAL. */
export function liveStreamSlots(): StreamSlots {
  holder.tribuneLiveSlots ??= createStreamSlots({
    perClient: env.LIVE_STREAMS_PER_CLIENT,
    total: env.LIVE_STREAMS_TOTAL,
  });
  return holder.tribuneLiveSlots;
}
