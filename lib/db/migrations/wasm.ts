// Loads Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm) once per
// process, without Node flags, and keeps its timers from holding the process open.
import { readFile } from "node:fs/promises";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";

let wasmReady: Promise<void> | null = null;

// The engine races some operations (e.g. the PostgreSQL advisory lock of applyMigrations) against
// a setTimeout it never clears: that timer alone kept Node alive ~10 s after the work. Its timers
// are tracked and cleared once no engine run is active any more.
const engineTimers = new Set<ReturnType<typeof setTimeout>>();
let activeRuns = 0;

function engineSetTimeout(callback: () => void, ms: number): ReturnType<typeof setTimeout> {
  const timer = setTimeout(() => {
    engineTimers.delete(timer);
    callback();
  }, ms >>> 0);
  engineTimers.add(timer);
  return timer;
}

/** loadWasm: instantiates the engine's wasm module (once; later calls share the same promise). */
export function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const jsUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(new URL("./schema_engine_bg.wasm", jsUrl));
    const glue: Record<string, unknown> = { ...bg };
    for (const key of Object.keys(glue)) if (key.startsWith("__wbg_setTimeout_")) glue[key] = engineSetTimeout;
    const imports = { "./schema_engine_bg.js": glue as WebAssembly.ModuleImports };
    const { instance } = await WebAssembly.instantiate(bytes, imports);
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

/** engineRunStarted: an engine run began; its timers stay live until every run has ended. */
export function engineRunStarted(): void {
  activeRuns++;
}

/** engineRunEnded: an engine run ended; the last one clears the timers the engine left behind. */
export function engineRunEnded(): void {
  if (--activeRuns === 0) {
    for (const timer of engineTimers) clearTimeout(timer);
    engineTimers.clear();
  }
}
