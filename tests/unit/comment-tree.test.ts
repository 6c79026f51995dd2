import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { buildCommentTree, type FlatComment } from "@/lib/comments/tree";

type Fixture = { id: string; parentId: string | null; status: string; createdAt: string }[];
const load = (): FlatComment[] =>
  (JSON.parse(readFileSync("tests/fixtures/comment-tree.json", "utf8")) as Fixture).map((c) => ({
    ...c,
    createdAt: new Date(c.createdAt),
  }));
const shape = (nodes: ReturnType<typeof buildCommentTree>): unknown =>
  nodes.map((n) => (n.replies.length ? { [n.id]: shape(n.replies) } : n.id));

test("tree: nests replies under their parent, oldest first, whatever the input order", () => {
  const tree = buildCommentTree(load().reverse());
  assert.deepEqual(shape(tree), [{ a: [{ b: ["c"] }, "d"] }, { e: ["g"] }, "h"]);
  assert.deepEqual(tree[0]?.replies[0]?.replies[0]?.depth, 3);
});

test("tree: a deleted comment with visible replies stays as a placeholder; an all-hidden subtree is pruned", () => {
  const tree = buildCommentTree(load());
  const e = tree.find((n) => n.id === "e");
  assert.equal(e?.status, "deleted", "placeholder kept because g replies to it");
  assert.ok(!JSON.stringify(shape(tree)).includes('"f"'), "f (removed, no replies) is pruned");
  assert.ok(!JSON.stringify(shape(tree)).includes('"i"'), "i (pending leaf) is pruned");
});

test("tree: an orphan (parent missing) becomes a root instead of vanishing", () => {
  const tree = buildCommentTree([{ id: "x", parentId: "gone", status: "approved", createdAt: new Date(0) }]);
  assert.deepEqual(shape(tree), ["x"]);
});

test("tree: a custom visibility rule shows pending comments to moderators", () => {
  const tree = buildCommentTree(load(), (c) => c.status === "approved" || c.status === "pending");
  assert.ok(JSON.stringify(shape(tree)).includes('"i"'));
});
