// The page cache's memory: entries by key, and the change stamps that make them stale. Kept on
// globalThis: proxy.ts and the app's server code are separate bundles in one process, and both
// must see the same cache (the proxy reads it, domain code invalidates it).

/** The encodings a page is kept in, each computed once when it is stored (never per request). */
export type Encoding = "br" | "gzip" | "identity";

/** A rendered page kept for anonymous readers. */
export type CachedPage = {
  /**
   * What the page shows, as change scopes (policy.ts, pageScope): "post:<id>" for an article,
   * "blog:<slug>", "tag:<slug>" or "home" for the lists. A change of one of them, or of the
   * whole site, makes it stale.
   */
  scopes: string[];
  /** The change counter when its render started: a later change of its scopes or of the site makes it stale. */
  renderedAt: number;
  storedAt: number;
  status: number;
  headers: [string, string][];
  /** The body in each encoding a client may ask for: Brotli, gzip, and as rendered. */
  bodies: Record<Encoding, Buffer>;
  /** The hashes of the inline scripts its render emitted (its nonce), for its Content-Security-Policy. */
  scriptHashes: string[];
  /** Its response headers (that policy included), built once per scheme, encoding and cache state (http.ts). */
  heads?: Map<string, string[]>;
};

type State = {
  /** Counts changes; each change is stamped with the counter's new value. */
  changes: number;
  /** The stamp of the last change of every page, and of each scope (see CachedPage.scopes). */
  site: number;
  scopes: Map<string, number>;
  entries: Map<string, CachedPage>;
  bytes: number;
  fills: Map<string, Promise<unknown>>;
};

const holder = globalThis as typeof globalThis & { tribunePageCache?: State };

function state(): State {
  holder.tribunePageCache ??= {
    changes: 0,
    site: 0,
    scopes: new Map(),
    entries: new Map(),
    bytes: 0,
    fills: new Map(),
  };
  return holder.tribunePageCache;
}

/** At most this many bytes (all encodings together) are kept; the least recently used pages go first. */
export const MAX_BYTES = 96 * 1024 * 1024;

/** sizeOf: the memory a page's bodies take. */
function sizeOf(entry: CachedPage): number {
  return entry.bodies.br.length + entry.bodies.gzip.length + entry.bodies.identity.length;
}

/** snapshot: the change counter now; a render that starts now shows every change stamped up to it. */
export function snapshot(): number {
  return state().changes;
}

/**
 * bump: the pages showing any of these scopes changed, or, without scopes, every page: what was
 * rendered before is stale.
 */
export function bump(scopes?: readonly string[]): void {
  const current = state();
  current.changes++;
  if (!scopes) current.site = current.changes;
  else for (const scope of scopes) current.scopes.set(scope, current.changes);
}

function isFresh(entry: CachedPage): boolean {
  const current = state();
  if (current.site > entry.renderedAt) return false;
  return entry.scopes.every((scope) => (current.scopes.get(scope) ?? 0) <= entry.renderedAt);
}

/**
 * lookup: the page under this key. "fresh": nothing it shows has changed. "stale": its article or
 * the site changed since it rendered, but it rendered less than graceMs ago: it may still be
 * served while one refresh is under way, so that a busy discussion re-renders at most once per
 * graceMs however fast comments come. Null: absent, expired (ttlMs) or stale past the grace.
 */
export function lookup(
  key: string,
  ttlMs: number,
  graceMs: number,
  now = Date.now(),
): { page: CachedPage; fresh: boolean } | null {
  const current = state();
  const entry = current.entries.get(key);
  if (!entry) return null;
  const age = now - entry.storedAt;
  const fresh = isFresh(entry);
  if (age >= ttlMs || (!fresh && age >= graceMs)) {
    remove(key);
    return null;
  }
  // Map order is the recency order: move the entry to the end.
  current.entries.delete(key);
  current.entries.set(key, entry);
  return { page: entry, fresh };
}

/** isFilling: whether a fill of this key is under way. */
export function isFilling(key: string): boolean {
  return state().fills.has(key);
}

/**
 * store: keeps a page (unless a later render is kept already). A page whose article changed
 * while it rendered is kept too: lookup() finds it stale, serves it only within the grace and
 * has it refreshed.
 */
export function store(key: string, entry: CachedPage): boolean {
  if (sizeOf(entry) > MAX_BYTES / 4) return false;
  const current = state();
  const kept = current.entries.get(key);
  if (kept && kept.renderedAt > entry.renderedAt) return false;
  remove(key);
  current.entries.set(key, entry);
  current.bytes += sizeOf(entry);
  for (const [oldest] of current.entries) {
    if (current.bytes <= MAX_BYTES) break;
    remove(oldest);
  }
  return true;
}

function remove(key: string): void {
  const current = state();
  const entry = current.entries.get(key);
  if (!entry) return;
  current.entries.delete(key);
  current.bytes -= sizeOf(entry);
}

/** singleFlight: one fill per key at a time; concurrent misses wait for the same one. */
export function singleFlight<T>(key: string, fill: () => Promise<T>): Promise<T> {
  const current = state();
  const running = current.fills.get(key) as Promise<T> | undefined;
  if (running) return running;
  const started = fill().finally(() => current.fills.delete(key));
  current.fills.set(key, started);
  return started;
}

/** stats: how many pages the cache holds and their bytes (all encodings). */
export function stats(): { entries: number; bytes: number } {
  const current = state();
  return { entries: current.entries.size, bytes: current.bytes };
}

/** clear: forgets every page and counter (tests). */
export function clear(): void {
  holder.tribunePageCache = undefined;
}
