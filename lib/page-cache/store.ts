// The page cache's memory: entries by key, and the change stamps that make them stale. Kept on
// globalThis: proxy.ts and the app's server code are separate bundles in one process, and both
// must see the same cache (the proxy reads it, domain code invalidates it).

/** A rendered page kept for anonymous readers. */
export type CachedPage = {
  postId: string;
  /** The change counter when its render started: a later change of its article or of the site makes it stale. */
  renderedAt: number;
  storedAt: number;
  status: number;
  headers: [string, string][];
  /** The HTML, gzipped once at store time (the cheap path for nearly every client). */
  gzip: Buffer;
  /** The hashes of the inline scripts its render emitted (its nonce), for its Content-Security-Policy. */
  scriptHashes: string[];
  /** That policy, once built, over HTTP and over HTTPS. */
  policies?: { http?: string; https?: string };
};

type State = {
  /** Counts changes; each change is stamped with the counter's new value. */
  changes: number;
  /** The stamp of the last change of every page, and of each article's page. */
  site: number;
  posts: Map<string, number>;
  entries: Map<string, CachedPage>;
  bytes: number;
  fills: Map<string, Promise<unknown>>;
};

const holder = globalThis as typeof globalThis & { tribunePageCache?: State };

function state(): State {
  holder.tribunePageCache ??= {
    changes: 0,
    site: 0,
    posts: new Map(),
    entries: new Map(),
    bytes: 0,
    fills: new Map(),
  };
  return holder.tribunePageCache;
}

/** At most this many bytes of gzipped HTML are kept; the least recently used pages go first. */
export const MAX_BYTES = 64 * 1024 * 1024;

/** snapshot: the change counter now; a render that starts now shows every change stamped up to it. */
export function snapshot(): number {
  return state().changes;
}

/** bump: one article's page (postId), or every page, changed: what was rendered before is stale. */
export function bump(postId?: string): void {
  const current = state();
  current.changes++;
  if (postId) current.posts.set(postId, current.changes);
  else current.site = current.changes;
}

function isFresh(entry: CachedPage): boolean {
  const current = state();
  return current.site <= entry.renderedAt && (current.posts.get(entry.postId) ?? 0) <= entry.renderedAt;
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
  if (entry.gzip.length > MAX_BYTES / 8) return false;
  const current = state();
  const kept = current.entries.get(key);
  if (kept && kept.renderedAt > entry.renderedAt) return false;
  remove(key);
  current.entries.set(key, entry);
  current.bytes += entry.gzip.length;
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
  current.bytes -= entry.gzip.length;
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

/** stats: how many pages the cache holds and their gzipped bytes. */
export function stats(): { entries: number; bytes: number } {
  const current = state();
  return { entries: current.entries.size, bytes: current.bytes };
}

/** clear: forgets every page and counter (tests). */
export function clear(): void {
  holder.tribunePageCache = undefined;
}
