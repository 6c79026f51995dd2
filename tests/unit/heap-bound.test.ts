import assert from "node:assert/strict";
import { test } from "node:test";
import { withHeapBound } from "../../scripts/lib/heap";

// npm start gives the server its heap bound through NODE_OPTIONS (node:cluster workers inherit it).

test("the heap bound is added to NODE_OPTIONS, replacing any other, keeping the rest", () => {
  assert.equal(withHeapBound(undefined, 256), "--max-old-space-size=256");
  assert.equal(withHeapBound("", 512), "--max-old-space-size=512");
  assert.equal(
    withHeapBound("--enable-source-maps --max-old-space-size=4096", 256),
    "--enable-source-maps --max-old-space-size=256",
  );
});
