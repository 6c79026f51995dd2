/**
 * What a guest's browser remembers, in its localStorage only (never sent anywhere):
 *
 * - their held comments, per article, so they see what they wrote in place, marked as waiting
 *   for moderation, until the shared thread shows it (at most HELD_PER_ARTICLE per article,
 *   each forgotten after HELD_DAYS);
 * - their name and e-mail, when they ticked "remember me" (one entry for the whole instance).
 *
 * Storage can be missing (private mode), full, blocked or hold anything (another version, a
 * hand edit): every read checks the shape and keeps what is valid, every write may fail quietly.
 * The checks are written out rather than with zod: this runs on the article page, whose
 * JavaScript budget zod alone would exceed (tests/e2e/design.spec.ts).
 */

export const HELD_PER_ARTICLE = 20;
export const HELD_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const HELD_PREFIX = "tribune:held:";
const GUEST_KEY = "tribune:guest";

/** The window event told of every change made here (other tabs get the "storage" event). */
const CHANGE_EVENT = "tribune:guest-memory";

/** The part of the Storage interface used here (a real localStorage, or a stand-in in tests). */
export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

/** A guest's held comment as this device keeps it. */
export type HeldComment = {
  id: string;
  parentId: string | null;
  /** The parent's author, read from the page when the reply was sent (for "in reply to …"). */
  parentName?: string;
  /** The sanitized HTML the server rendered and stored. */
  html: string;
  name: string;
  /** ISO date the server gave the comment. */
  createdAt: string;
  /** When it was remembered (ms since the epoch): it is forgotten HELD_DAYS later. */
  savedAt: number;
};

/** The name and e-mail (and website) a guest asked this device to remember. */
export type GuestIdentity = { name: string; email: string; website?: string };

const isText = (value: unknown, max: number): value is string =>
  typeof value === "string" && value.length > 0 && value.length <= max;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** heldComment: the entry as a HeldComment when every field has the right shape, else null. */
function heldComment(value: unknown): HeldComment | null {
  if (!value || typeof value !== "object") return null;
  const entry = value as Record<string, unknown>;
  const { id, parentId, parentName, html, name, createdAt, savedAt } = entry;
  if (!isText(id, 64) || !(parentId === null || isText(parentId, 64))) return null;
  if (!(parentName === undefined || isText(parentName, 200))) return null;
  if (typeof html !== "string" || html.length > 200_000 || !isText(name, 200)) return null;
  if (!isText(createdAt, 40) || !ISO_DATE.test(createdAt) || Number.isNaN(Date.parse(createdAt))) return null;
  if (typeof savedAt !== "number" || !Number.isSafeInteger(savedAt) || savedAt < 0) return null;
  return { id, parentId, ...(parentName === undefined ? {} : { parentName }), html, name, createdAt, savedAt };
}

/** guestIdentity: the value as a GuestIdentity (a name and an e-mail, at least), else null. */
function guestIdentity(value: unknown): GuestIdentity | null {
  if (!value || typeof value !== "object") return null;
  const { name, email, website } = value as Record<string, unknown>;
  if (!isText(name, 200) || !isText(email, 320)) return null;
  if (website !== undefined && !(typeof website === "string" && website.length <= 500)) return null;
  return website === undefined ? { name, email } : { name, email, website };
}

/** The browser's localStorage, or null where there is none or it is blocked (it can throw on access). */
function browserStorage(): StorageLike | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

function readText(store: StorageLike | null, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function parseJson(raw: string | null): unknown {
  try {
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

function write(store: StorageLike | null, key: string, value: unknown): void {
  try {
    if (value === null) store?.removeItem(key);
    else store?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or blocked: the page simply forgets.
  }
  if (typeof window !== "undefined") window.dispatchEvent(new Event(CHANGE_EVENT));
}

/**
 * subscribeGuestMemory: calls back on every change, in this tab or another (the subscribe of
 * useSyncExternalStore, with heldSnapshot or guestSnapshot).
 */
export function subscribeGuestMemory(onChange: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

const heldKey = (postId: string) => `${HELD_PREFIX}${postId}`;

/** heldSnapshot: the stored text of an article's held comments (stable while unchanged); parseHeld reads it. */
export const heldSnapshot = (postId: string, store = browserStorage()) => readText(store, heldKey(postId));

/** guestSnapshot: the stored text of the remembered name and e-mail; parseGuest reads it. */
export const guestSnapshot = (store = browserStorage()) => readText(store, GUEST_KEY);
const fresh = (comment: HeldComment, now: number) =>
  comment.savedAt <= now + DAY_MS && now - comment.savedAt < HELD_DAYS * DAY_MS;

/** heldComments: the held comments remembered for an article, valid and not expired, oldest first. */
export function heldComments(postId: string, store = browserStorage(), now = Date.now()): HeldComment[] {
  return parseHeld(heldSnapshot(postId, store), now);
}

/** parseHeld: the valid, unexpired comments of a heldSnapshot, oldest first, at most HELD_PER_ARTICLE. */
export function parseHeld(raw: string | null, now = Date.now()): HeldComment[] {
  const stored = parseJson(raw);
  if (!Array.isArray(stored)) return [];
  const seen = new Set<string>();
  const valid: HeldComment[] = [];
  for (const entry of stored) {
    const comment = heldComment(entry);
    if (!comment || !fresh(comment, now) || seen.has(comment.id)) continue;
    seen.add(comment.id);
    valid.push(comment);
  }
  return valid.sort((a, b) => a.savedAt - b.savedAt).slice(-HELD_PER_ARTICLE);
}

/**
 * rememberHeld: keeps a held comment for its article (the newest HELD_PER_ARTICLE), and drops
 * the expired entries of every other article while at it. Returns false when the comment's
 * shape is wrong (nothing is written).
 */
export function rememberHeld(
  postId: string,
  comment: Omit<HeldComment, "savedAt">,
  store = browserStorage(),
  now = Date.now(),
): boolean {
  const checked = heldComment({ ...comment, savedAt: now });
  if (!checked) return false;
  const kept = heldComments(postId, store, now).filter((entry) => entry.id !== checked.id);
  write(store, heldKey(postId), [...kept, checked].slice(-HELD_PER_ARTICLE));
  pruneOtherArticles(postId, store, now);
  return true;
}

/** forgetHeld: drops one remembered comment (approved, so the thread shows it to everyone). */
export function forgetHeld(postId: string, id: string, store = browserStorage(), now = Date.now()): void {
  const kept = heldComments(postId, store, now).filter((entry) => entry.id !== id);
  write(store, heldKey(postId), kept.length ? kept : null);
}

function pruneOtherArticles(postId: string, store: StorageLike | null, now: number) {
  if (!store) return;
  const keys: string[] = [];
  try {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(HELD_PREFIX) && key !== heldKey(postId)) keys.push(key);
    }
  } catch {
    return;
  }
  for (const key of keys) {
    const other = key.slice(HELD_PREFIX.length);
    const kept = heldComments(other, store, now);
    if (!kept.length) write(store, key, null);
  }
}

/** rememberedGuest: the name and e-mail a guest asked this device to remember, or null. */
export function rememberedGuest(store = browserStorage()): GuestIdentity | null {
  return parseGuest(guestSnapshot(store));
}

/** parseGuest: the name and e-mail of a guestSnapshot, or null. */
export function parseGuest(raw: string | null): GuestIdentity | null {
  return guestIdentity(parseJson(raw));
}

/** rememberGuest: keeps the guest's name and e-mail (and website), or forgets them (null). */
export function rememberGuest(identity: GuestIdentity | null, store = browserStorage()): void {
  write(store, GUEST_KEY, identity ? guestIdentity(identity) : null);
}
