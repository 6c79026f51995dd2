import "server-only";
import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import cluster from "node:cluster";
import {
  RateLimiterCluster,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { env } from "@/lib/env.js";
import { AppError } from "@/lib/errors";

// Fixed windows: `points` attempts per key within `duration` seconds; the window starts at the
// key's first attempt. Keys are chosen by the caller (see the comment of each limit).
export const LIMITS = {
  /**
   * 5 attempts per 15 minutes per email+address (signInKeys in lib/auth); reward() after a
   * successful sign-in clears it. Keyed with the address, so guesses from elsewhere never lock
   * the account's owner out.
   */
  signIn: { points: 5, duration: 15 * 60 },
  /** 30 sign-in attempts per 15 minutes per address, whatever the accounts (password spraying). */
  signInAddress: { points: 30, duration: 15 * 60 },
  /** 5 new accounts per hour per address (clientIp). */
  signUp: { points: 5, duration: 60 * 60 },
  /** 3 reset requests per hour per email (consume a second key per IP to stop sweeps). */
  passwordReset: { points: 3, duration: 60 * 60 },
  /** 10 comments per 5 minutes per user (a guest: per address). */
  comment: { points: 10, duration: 5 * 60 },
  /** 20 reports per hour per person (issue 11 reports): enough for a reader, not for a sweep. */
  report: { points: 20, duration: 60 * 60 },
  /** 5 uploaded imports per hour per person (lib/import, settings page): each may write a whole blog. */
  import: { points: 5, duration: 60 * 60 },
  /** 10 exports per hour per person (lib/export): each reads a whole blog or instance. */
  export: { points: 10, duration: 60 * 60 },
  /** 120 requests per minute per API token (or per address without one). */
  api: { points: 120, duration: 60 },
  /** 5 messages per hour per recipient address (verification, reset): no mail bombing. */
  mail: { points: 5, duration: 60 * 60 },
  /** PREVIEWS_PER_MINUTE (120) markdown previews per minute per person (per address for guests): a live preview while typing fits. */
  preview: { points: env.PREVIEWS_PER_MINUTE, duration: 60 },
  /** 30 images pasted or dropped into articles per hour per person: a photo essay fits, a disk-filling loop does not. */
  upload: { points: 30, duration: 60 * 60 },
  /** 30 Webmentions per minute per source host: one site cannot flood the verification queue. */
  webmention: { points: 30, duration: 60 },
  /** 60 Webmentions per minute per client address (clientIp), whatever the sources it names. */
  webmentionAddress: { points: 60, duration: 60 },
} as const satisfies Record<string, { points: number; duration: number }>;

export type LimitName = keyof typeof LIMITS;

export interface LimiterOptions {
  /** Redis connection URL; without it the counts live in this process's memory. */
  redisUrl?: string;
  /** Prefix of every Redis key, so several apps (or test runs) can share one Redis. */
  prefix?: string;
}

/** A set of the named limiters over one store; each app instance holds one. */
export interface LimiterSet {
  consume(limit: LimitName, key: string): Promise<void>;
  reward(limit: LimitName, key: string): Promise<void>;
  /** Resolves once the store accepts commands (at once in memory). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

// Keys are normalized (an email in another case is the same key) and hashed, so Redis holds
// no email addresses and key length is bounded.
function storeKey(key: string): string {
  return createHash("sha256").update(key.trim().toLowerCase()).digest("base64url").slice(0, 32);
}

function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hour${hours === 1 ? "" : "s"}`;
}

function rateLimited(msBeforeNext: number): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new AppError("RATE_LIMITED", `Too many attempts. Try again in ${waitText(retryAfterSeconds)}.`, {
    retryAfterSeconds,
  });
}

function connectRedis(url: string): Redis {
  // No offline queue: while Redis is down a command fails at once and the in-memory
  // insurance limiter answers, instead of requests hanging until it comes back.
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  let warned = false;
  client.on("ready", () => (warned = false));
  client.on("error", (error: Error) => {
    if (warned) return;
    warned = true;
    console.error(`Rate limits: Redis unavailable, counting in memory until it returns (${error.message})`);
  });
  return client;
}

/** createLimiters: the named limiters in memory, or in Redis (with an in-memory fallback) when redisUrl is set. */
export function createLimiters({ redisUrl, prefix = "tribune" }: LimiterOptions = {}): LimiterSet {
  const redis = redisUrl ? connectRedis(redisUrl) : undefined;
  const make = (name: LimitName): RateLimiterAbstract => {
    const { points, duration } = LIMITS[name];
    // The workers of one `npm start` count together, in their primary (RateLimiterClusterMaster
    // in scripts/serve.ts), so a client cannot spread its attempts over the workers.
    if (!redis && cluster.isWorker && process.send)
      return new RateLimiterCluster({ points, duration, keyPrefix: `rl:${name}`, timeoutMs: 3000 });
    const memory = new RateLimiterMemory({ points, duration, keyPrefix: `rl:${name}` });
    if (!redis) return memory;
    // The insurance limiter counts per instance: while Redis is down each instance allows the
    // full quota on its own, which is the price of staying up.
    return new RateLimiterRedis({
      storeClient: redis,
      points,
      duration,
      keyPrefix: `${prefix}:rl:${name}`,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    });
  };
  const limiters = Object.fromEntries((Object.keys(LIMITS) as LimitName[]).map((name) => [name, make(name)])) as Record<
    LimitName,
    RateLimiterAbstract
  >;

  return {
    async consume(limit, key) {
      try {
        await limiters[limit].consume(storeKey(key));
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) throw rateLimited(rejection.msBeforeNext);
        throw rejection;
      }
    },
    async reward(limit, key) {
      await limiters[limit].delete(storeKey(key));
    },
    async ready() {
      if (!redis || redis.status === "ready") return;
      await new Promise<void>((resolve, reject) => {
        redis.once("ready", resolve);
        redis.once("end", () => reject(new Error("Redis connection closed")));
      });
    },
    async close() {
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

// One set per process, created on first use; parked on globalThis so hot reload in
// development does not open a new Redis connection per edit.
const holder = globalThis as typeof globalThis & { tribuneLimiters?: LimiterSet };

function limiters(): LimiterSet {
  holder.tribuneLimiters ??= createLimiters({
    redisUrl: env.REDIS_URL,
    prefix: env.REDIS_PREFIX,
  });
  return holder.tribuneLimiters;
}

/** consume: counts one attempt under the limit; throws AppError RATE_LIMITED (details.retryAfterSeconds) when over it. */
export function consume(limit: LimitName, key: string): Promise<void> {
  return limiters().consume(limit, key);
}

/** reward: forgets the key's attempts (e.g. after a successful sign-in). */
export function reward(limit: LimitName, key: string): Promise<void> {
  return limiters().reward(limit, key);
}
