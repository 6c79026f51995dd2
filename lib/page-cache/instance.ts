import { randomUUID } from "node:crypto";

const holder = globalThis as typeof globalThis & { tribuneInstanceId?: string };

/** INSTANCE: this process's id, so that it ignores its own invalidations coming back from Redis. */
export const INSTANCE: string = (holder.tribuneInstanceId ??= randomUUID());
