import "server-only";
import cluster from "node:cluster";
import { EventEmitter } from "node:events";
import { Redis } from "ioredis";
import { env } from "@/lib/env.js";
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

/**
 * Messages between the workers of one `npm start` and their primary: a worker sends an event
 * (`deliver`), the primary relays it to every worker (the sender included), each worker hands it
 * to its listeners and acknowledges, and once all have, the primary tells the sender (`delivered`).
 */
export type ClusterLiveMessage =
  | { tribuneLive: "deliver"; id: string; key: string; event: unknown }
  | { tribuneLive: "ack"; id: string }
  | { tribuneLive: "delivered"; id: string };

function isClusterLiveMessage(message: unknown): message is ClusterLiveMessage {
  return (
    typeof message === "object" && message !== null && typeof (message as ClusterLiveMessage).tribuneLive === "string"
  );
}

/** A publish waits this long at most for every worker to have the event (a stuck worker must not stall writes). */
const CLUSTER_DELIVERY_TIMEOUT_MS = 1000;

/**
 * clusterBus: the workers of one `npm start` (scripts/serve.ts forks one per core) share their
 * events without Redis, through the primary (relayClusterLive). A publish resolves once every
 * worker has handed the event to its listeners, so a write followed by a read on another worker
 * never finds a page the write had invalidated still in that worker's cache.
 */
function clusterBus(): LiveBus {
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const waiting = new Map<string, () => void>();
  let sequence = 0;
  const onMessage = (message: unknown) => {
    if (!isClusterLiveMessage(message)) return;
    if (message.tribuneLive === "delivered") return waiting.get(message.id)?.();
    if (message.tribuneLive !== "deliver") return;
    const parsed =
      message.key === PAGES ? PagesChangedSchema.safeParse(message.event) : LiveEventSchema.safeParse(message.event);
    if (parsed.success) local.emit(message.key, parsed.data);
    process.send!({ tribuneLive: "ack", id: message.id } satisfies ClusterLiveMessage);
  };
  process.on("message", onMessage);
  const send = (key: string, event: unknown) =>
    new Promise<void>((resolve) => {
      const id = `${process.pid}:${++sequence}`;
      const done = () => {
        clearTimeout(timer);
        waiting.delete(id);
        resolve();
      };
      const timer = setTimeout(done, CLUSTER_DELIVERY_TIMEOUT_MS);
      waiting.set(id, done);
      process.send!({ tribuneLive: "deliver", id, key, event } satisfies ClusterLiveMessage);
    });
  return {
    publish: (event) => send(event.postId, event),
    async subscribe(postId, listener) {
      local.on(postId, listener);
      return async () => void local.off(postId, listener);
    },
    publishPages: (event) => send(PAGES, event),
    async subscribePages(listener) {
      local.on(PAGES, listener);
      return async () => void local.off(PAGES, listener);
    },
    async ready() {},
    async close() {
      local.removeAllListeners();
      process.off("message", onMessage);
    },
  };
}

type RelayWorker = { id: number; isConnected(): boolean; send(message: ClusterLiveMessage): boolean };

/**
 * relayClusterLive: the primary's half of the cluster bus. `workers()` lists the live workers;
 * returns the handler of a worker's message.
 */
export function relayClusterLive(workers: () => RelayWorker[]) {
  const pending = new Map<string, { from: RelayWorker; left: Set<number> }>();
  return (from: RelayWorker, message: unknown): void => {
    if (!isClusterLiveMessage(message)) return;
    if (message.tribuneLive === "deliver") {
      const targets = workers().filter((worker) => worker.isConnected());
      pending.set(message.id, { from, left: new Set(targets.map((worker) => worker.id)) });
      for (const worker of targets) worker.send(message);
      setTimeout(() => pending.delete(message.id), CLUSTER_DELIVERY_TIMEOUT_MS * 2).unref();
    } else if (message.tribuneLive === "ack") {
      const delivery = pending.get(message.id);
      if (!delivery) return;
      delivery.left.delete(from.id);
      if (delivery.left.size === 0) {
        pending.delete(message.id);
        if (delivery.from.isConnected()) delivery.from.send({ tribuneLive: "delivered", id: message.id });
      }
    }
  };
}

/**
 * createLiveBus: over Redis (channel `<prefix>:live:post:<postId>`) when redisUrl is set, else
 * through the cluster's primary in a worker of `npm start`, else in this process's memory.
 */
export function createLiveBus({ redisUrl, prefix = "tribune" }: LiveBusOptions = {}): LiveBus {
  if (redisUrl) return redisBus(redisUrl, prefix);
  return cluster.isWorker && process.send ? clusterBus() : memoryBus();
}

// One bus per process, parked on globalThis so hot reload does not open new Redis connections.
const holder = globalThis as typeof globalThis & { tribuneLiveBus?: LiveBus };

/** liveBus: this process's bus (REDIS_URL and REDIS_PREFIX decide which). */
function liveBus(): LiveBus {
  holder.tribuneLiveBus ??= createLiveBus({
    redisUrl: env.REDIS_URL,
    prefix: env.REDIS_PREFIX,
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
