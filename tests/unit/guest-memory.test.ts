import assert from "node:assert/strict";
import { test } from "node:test";
import {
  forgetHeld,
  heldComments,
  HELD_DAYS,
  HELD_PER_ARTICLE,
  rememberedGuest,
  rememberGuest,
  rememberHeld,
  type StorageLike,
} from "@/lib/comments/guest-memory";

/** The Storage interface over a Map (Node 20 has no localStorage); `quota` makes writes fail past it. */
class MemoryStorage implements StorageLike {
  items = new Map<string, string>();
  constructor(private quota = Infinity) {}
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (value.length > this.quota) throw new DOMException("full", "QuotaExceededError");
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

/** Storage a browser blocks (cookies off): every call throws. */
const blocked: StorageLike = {
  get length(): number {
    throw new DOMException("denied", "SecurityError");
  },
  key: () => {
    throw new DOMException("denied", "SecurityError");
  },
  getItem: () => {
    throw new DOMException("denied", "SecurityError");
  },
  setItem: () => {
    throw new DOMException("denied", "SecurityError");
  },
  removeItem: () => {
    throw new DOMException("denied", "SecurityError");
  },
};

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse("2026-11-30T12:00:00Z");
const held = (id: string, parentId: string | null = null) => ({
  id,
  parentId,
  html: `<p>Comment ${id}</p>`,
  name: "Léa",
  createdAt: "2026-11-30T11:59:00.000Z",
});

test("guest memory: remembers held comments per article, oldest first, once each", () => {
  const store = new MemoryStorage();
  assert.equal(rememberHeld("post-a", held("c1"), store, NOW), true);
  assert.equal(rememberHeld("post-a", held("c2", "c1"), store, NOW + 1), true);
  assert.equal(rememberHeld("post-a", held("c2", "c1"), store, NOW + 2), true, "the same id again replaces it");
  rememberHeld("post-b", held("c3"), store, NOW);
  assert.deepEqual(
    heldComments("post-a", store, NOW + 3).map((c) => [c.id, c.parentId]),
    [
      ["c1", null],
      ["c2", "c1"],
    ],
  );
  assert.deepEqual(
    heldComments("post-b", store, NOW).map((c) => c.id),
    ["c3"],
  );
  forgetHeld("post-a", "c1", store, NOW + 3);
  assert.deepEqual(
    heldComments("post-a", store, NOW + 3).map((c) => c.id),
    ["c2"],
  );
  forgetHeld("post-a", "c2", store, NOW + 3);
  assert.equal(store.getItem("tribune:held:post-a"), null, "an article with none left has no entry");
});

test(`guest memory: at most ${HELD_PER_ARTICLE} per article (the newest), each for ${HELD_DAYS} days`, () => {
  const store = new MemoryStorage();
  for (let i = 0; i < HELD_PER_ARTICLE + 5; i++) rememberHeld("post-a", held(`c${i}`), store, NOW + i);
  const kept = heldComments("post-a", store, NOW + 100);
  assert.equal(kept.length, HELD_PER_ARTICLE);
  assert.equal(kept[0]?.id, "c5");
  assert.equal(kept.at(-1)?.id, `c${HELD_PER_ARTICLE + 4}`);
  const stored = JSON.parse(store.getItem("tribune:held:post-a") ?? "[]") as unknown[];
  assert.equal(stored.length, HELD_PER_ARTICLE, "the stored list itself is bounded");

  assert.equal(heldComments("post-a", store, NOW + (HELD_DAYS - 1) * DAY).length, HELD_PER_ARTICLE);
  assert.equal(heldComments("post-a", store, NOW + HELD_DAYS * DAY + 100).length, 0, "expired");

  // Remembering on another article drops the expired entries of the others.
  rememberHeld("post-b", held("x"), store, NOW + HELD_DAYS * DAY + 100);
  assert.equal(store.getItem("tribune:held:post-a"), null);
  assert.ok(store.getItem("tribune:held:post-b"));
});

test("guest memory: corrupt or foreign data is ignored, valid entries beside it kept", () => {
  const store = new MemoryStorage();
  store.setItem("tribune:held:post-a", "{not json");
  assert.deepEqual(heldComments("post-a", store, NOW), []);
  store.setItem("tribune:held:post-a", JSON.stringify({ id: "c1" }));
  assert.deepEqual(heldComments("post-a", store, NOW), []);
  store.setItem(
    "tribune:held:post-a",
    JSON.stringify([
      null,
      "text",
      { ...held("bad-date"), createdAt: "yesterday", savedAt: NOW },
      { ...held("no-saved-at") },
      { ...held("future"), savedAt: NOW + 10 * DAY },
      { ...held("ok"), savedAt: NOW },
    ]),
  );
  assert.deepEqual(
    heldComments("post-a", store, NOW).map((c) => c.id),
    ["ok"],
  );
  // A new comment is added to what is valid; the rest is dropped.
  rememberHeld("post-a", held("new"), store, NOW + 1);
  assert.deepEqual(
    (JSON.parse(store.getItem("tribune:held:post-a") ?? "[]") as { id: string }[]).map((c) => c.id),
    ["ok", "new"],
  );
  // A malformed comment is refused, nothing written.
  assert.equal(rememberHeld("post-a", { ...held("x"), name: "" }, store, NOW), false);
  assert.equal(heldComments("post-a", store, NOW + 2).length, 2);

  store.setItem("tribune:guest", "[1,2");
  assert.equal(rememberedGuest(store), null);
  store.setItem("tribune:guest", JSON.stringify({ name: "Léa" }));
  assert.equal(rememberedGuest(store), null, "no e-mail: nothing to prefill");
});

test("guest memory: full or blocked storage never throws", () => {
  const full = new MemoryStorage(10);
  assert.doesNotThrow(() => rememberHeld("post-a", held("c1"), full, NOW));
  assert.deepEqual(heldComments("post-a", full, NOW), []);
  assert.doesNotThrow(() => rememberGuest({ name: "Léa", email: "lea@example.test" }, full));
  assert.equal(rememberedGuest(full), null);

  assert.doesNotThrow(() => rememberHeld("post-a", held("c1"), blocked, NOW));
  assert.doesNotThrow(() => forgetHeld("post-a", "c1", blocked, NOW));
  assert.deepEqual(heldComments("post-a", blocked, NOW), []);
  assert.doesNotThrow(() => rememberGuest(null, blocked));
  assert.equal(rememberedGuest(blocked), null);
  assert.equal(heldComments("post-a", null, NOW).length, 0, "no storage at all");
});

test("guest memory: the guest's name and e-mail, remembered and forgotten", () => {
  const store = new MemoryStorage();
  assert.equal(rememberedGuest(store), null);
  rememberGuest({ name: "Léa", email: "lea@example.test" }, store);
  assert.deepEqual(rememberedGuest(store), { name: "Léa", email: "lea@example.test" });
  rememberGuest({ name: "", email: "lea@example.test" }, store);
  assert.equal(rememberedGuest(store), null, "an empty name is not kept (and forgets the old one)");
  rememberGuest({ name: "Léa", email: "lea@example.test", website: "https://lea.example" }, store);
  assert.equal(rememberedGuest(store)?.website, "https://lea.example");
  rememberGuest(null, store);
  assert.equal(store.getItem("tribune:guest"), null);
});
