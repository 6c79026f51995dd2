import "server-only";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { db, dbProvider } from "@/lib/db";
import type { Scope } from "./sections";
import { exportChunks } from "./write";

const SNAPSHOT_TIMEOUT_MS = 6 * 60 * 60 * 1000;

// The shared client is typed as the SQLite one, whose only level is Serializable; the PostgreSQL
// client (the same object at run time there) takes RepeatableRead: one snapshot, no serialization failures.
const snapshotLevel = () =>
  dbProvider() === "postgresql" ? { isolationLevel: "RepeatableRead" as unknown as "Serializable" } : {};

/**
 * exportToFile: the command line's export, read in one snapshot (a read transaction, REPEATABLE
 * READ on PostgreSQL; on SQLite in WAL mode a reader does not stop the server's writers), so
 * what the site writes meanwhile never leaves a reference half-exported. Written to
 * `<file>.partial` and renamed at the end: a failed export never leaves a file that looks whole.
 */
export async function exportToFile(scope: Scope, file: string, now: Date = new Date()): Promise<void> {
  const partial = `${file}.partial`;
  try {
    await db.$transaction((tx) => pipeline(Readable.from(exportChunks(scope, now, tx)), createWriteStream(partial)), {
      timeout: SNAPSHOT_TIMEOUT_MS,
      maxWait: 30_000,
      ...snapshotLevel(),
    });
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
