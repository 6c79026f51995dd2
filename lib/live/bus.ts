import "server-only";
import { EventEmitter } from "node:events";
import { Redis } from "ioredis";
import {
  LiveEventSchema,
  PagesChangedSchema,
  type LiveEvent,
  type LiveListener,
  type PagesChanged,
  type PagesListener,
} from "./events";

/** A live event bus: in this process, or shared by every instance through Redis. */
export interface LiveBus {
  publish(event: LiveEvent): Promise<void>;
  /** Listens to one article's events; returns the function that stops listening. */
  subscribe(postId: string, listener: LiveListener): Promise<() => Promise<void>>;
  /** Announces to every instance that published pages changed (their page caches listen). */
  publishPages(event: PagesChanged): Promise<void>;
  /** Listens to page changes from every instance; returns the function that stops listening. */
  subscribePages(listener: PagesListener): Promise<() => Promise<void>>;
  /** Resolves once the bus can deliver (at once in memory). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export type LiveBusOptions = { redisUrl?: string; prefix?: string };

/** The local event name of page changes (post ids never contain a space). */
const PAGES = "pages changed";

function memoryBus(): LiveBus {
  const emitter = new EventEmitter();
  // One listener per open page: many readers on one article is normal, not a leak.
  emitter.setMaxListeners(0);
  return {
    async publish(event) {
      emitter.emit(event.postId, event);
    },
    async subscribe(postId, listener) {
      emitter.on(postId, listener);
      return async () => void emitter.off(postId, listener);
    },
    async publishPages(event) {
      emitter.emit(PAGES, event);
    },
    async subscribePages(listener) {
      emitter.on(PAGES, listener);
      return async () => void emitter.off(PAGES, listener);
    },
    async ready() {},
    async close() {
      emitter.removeAllListeners();
    },
  };
}

function redisBus(redisUrl: string, prefix: string): LiveBus {
  const channel = (postId: string) => `${prefix}:live:post:${postId}`;
  const channelPrefix = `${prefix}:live:post:`;
  const pagesChannel = `${prefix}:live:pages`;
  const publisher = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  // A connection in subscriber mode can do nothing else, hence a second one.
  const subscriber = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  const local = new EventEmitter();
  local.setMaxListeners(0);
  let warned = false;
  const warn = (error: Error) => {
    if (warned) return;
    warned = true;
    console.error(`Live updates: Redis unavailable (${error.message})`);
  };
  publisher.on("error", warn);
  subscriber.on("error", warn);
  subscriber.on("message", (from: string, message: string) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      return;
    }
    if (from === pagesChannel) {
      const event = PagesChangedSchema.safeParse(parsed);
      if (event.success) local.emit(PAGES, event.data);
      return;
    }
    if (!from.startsWith(channelPrefix)) return;
    const event = LiveEventSchema.safeParse(parsed);
    if (event.success) local.emit(event.data.postId, event.data);
  });
  const waitReady = (client: Redis) =>
    client.status === "ready"
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          client.once("ready", () => resolve());
          client.once("end", () => reject(new Error("Redis connection closed")));
        });

  return {
    async publish(event) {
      // Every instance, this one included, receives it back from Redis: one delivery path.
      await publisher.publish(channel(event.postId), JSON.stringify(event));
    },
    async subscribe(postId, listener) {
      local.on(postId, listener);
      // The first local reader of an article subscribes this instance to its channel.
      if (local.listenerCount(postId) === 1) await subscriber.subscribe(channel(postId));
      return async () => {
        local.off(postId, listener);
        if (local.listenerCount(postId) === 0) await subscriber.unsubscribe(channel(postId)).catch(() => {});
      };
    },
    async publishPages(event) {
      await publisher.publish(pagesChannel, JSON.stringify(event));
    },
    async subscribePages(listener) {
      local.on(PAGES, listener);
      if (local.listenerCount(PAGES) === 1) await subscriber.subscribe(pagesChannel);
      return async () => {
        local.off(PAGES, listener);
        if (local.listenerCount(PAGES) === 0) await subscriber.unsubscribe(pagesChannel).catch(() => {});
      };
    },
    async ready() {
      await Promise.all([waitReady(publisher), waitReady(subscriber)]);
    },
    async close() {
      local.removeAllListeners();
      await Promise.all(
        [publisher, subscriber].map((client) =>
          client.quit().then(
            () => undefined,
            () => client.disconnect(),
          ),
        ),
      );
    },
  };
}

/** createLiveBus: in memory, or over Redis (channel `<prefix>:live:post:<postId>`) when redisUrl is set. */
export function createLiveBus({ redisUrl, prefix = "tribune" }: LiveBusOptions = {}): LiveBus {
  return redisUrl ? redisBus(redisUrl, prefix) : memoryBus();
}

// One bus per process, parked on globalThis so hot reload does not open new Redis connections.
const holder = globalThis as typeof globalThis & { tribuneLiveBus?: LiveBus };

/** liveBus: this process's bus (REDIS_URL and REDIS_PREFIX decide which). */
export function liveBus(): LiveBus {
  holder.tribuneLiveBus ??= createLiveBus({
    redisUrl: process.env.REDIS_URL || undefined,
    prefix: process.env.REDIS_PREFIX || "tribune",
  });
  return holder.tribuneLiveBus;
}

/** publishLive: announces an event; a bus failure is logged, never thrown (the write already happened). */
export async function publishLive(event: LiveEvent): Promise<void> {
  try {
    await liveBus().publish(event);
  } catch (error) {
    console.error(`[live] could not publish ${event.type}:`, (error as Error).message);
  }
}

/** publishPagesChanged: tells every instance's page cache; a bus failure is logged, never thrown. */
export async function publishPagesChanged(event: PagesChanged): Promise<void> {
  try {
    await liveBus().publishPages(event);
  } catch (error) {
    console.error("[live] could not announce a page change:", (error as Error).message);
  }
}

/** subscribePagesChanged: listens to page changes announced by any instance. */
export function subscribePagesChanged(listener: PagesListener): Promise<() => Promise<void>> {
  return liveBus().subscribePages(listener);
}

/** subscribeLive: listens to one article's events on this process's bus. */
export function subscribeLive(postId: string, listener: LiveListener): Promise<() => Promise<void>> {
  return liveBus().subscribe(postId, listener);
}

/** closeLiveBus: closes this process's bus (tests, shutdown). */
export async function closeLiveBus(): Promise<void> {
  const bus = holder.tribuneLiveBus;
  holder.tribuneLiveBus = undefined;
  await bus?.close();
}
